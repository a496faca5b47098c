import { describe, expect, it } from 'vitest';
import { annotate, annotateAndExtract } from '../../helpers/annotate.ts';
import { EXTRACTOR_VERSION, extract } from '../../../server/src/pipeline/extract/extract.ts';
import { toEvalJson } from '../../../server/src/pipeline/extract/to-eval-json.ts';

const run = async (text: string) => toEvalJson((await annotateAndExtract({ text })));
const find = async (text: string, name: string) => (await run(text)).entities.find((e) => e.name === name);
const names = async (text: string) => (await run(text)).entities.map((e) => e.name);

describe('extract (lexicon skeleton)', () => {
  it('merges "ICE" and "Immigration and Customs Enforcement" into one agency', async () => {
    const out = await run('Immigration and Customs Enforcement (ICE) made arrests. ICE said more would follow.');
    const agencies = out.entities.filter((e) => e.type === 'Agency');
    expect(agencies).toHaveLength(1);
    expect(agencies[0]?.name).toBe('Immigration and Customs Enforcement');
    expect(agencies[0]?.aliases).toContain('ICE');
  });

  it.each([
    ['Tajik men were detained.', 'Tajikistan'],
    ['An Afghan named the man.', 'Afghanistan'],
    ['The Uzbek government warned officials.', 'Uzbekistan'],
  ])('reads the demonym in "%s" as a mention of %s', async (text, country) => {
    expect((await find(text, country))?.type).toBe('Country');
  });

  it('resolves "U.S.", "US" and "United States" to one country', async () => {
    const out = await run('He reached the U.S. in May. The United States said so. US officials agreed.');
    expect(out.entities.filter((e) => e.type === 'Country').map((e) => e.name)).toEqual(['United States']);
  });

  it('finds a person and strips the title before the name', async () => {
    expect((await find('FBI Director Christopher Wray testified on Tuesday.', 'Christopher Wray'))?.type).toBe('Person');
  });

  it('attaches a later surname mention to the full name', async () => {
    const out = await run('Mohammad Kharwin crossed the border. Kharwin was later arrested.');
    expect(out.entities.filter((e) => e.type === 'Person')).toEqual([{ name: 'Mohammad Kharwin', type: 'Person', aliases: ['Kharwin'] }]);
  });

  it('gives every entity, relation and event the ids of the rules that made it', async () => {
    const text = 'ICE agents arrested Dilshod Karimov, an Uzbek national, in Baltimore on Monday. The FBI said Karimov had been charged with supporting ISIS.';
    const x = extract({ text }, await annotate(text));
    expect(x.extractorVersion).toBe(EXTRACTOR_VERSION);
    expect(x.events.length).toBeGreaterThan(0);
    for (const e of x.entities) expect(e.rules.length, e.name).toBeGreaterThan(0);
    for (const r of x.relations) expect(r.evidence.rules.length, r.type).toBeGreaterThan(0);
    for (const e of x.events) expect(e.evidence.rules.length, e.type).toBeGreaterThan(0);
    expect(x.entities.find((e) => e.name === 'Immigration and Customs Enforcement')?.rules).toContain('lexicon');
    expect(x.events.find((e) => e.type === 'Arrest')?.evidence.rules).toEqual(expect.arrayContaining(['trigger.verb', 'role.active-subject', 'role.object']));
  });

  it('links ICE PART_OF DHS from the curated agency hierarchy', async () => {
    const out = await run('ICE and the Department of Homeland Security announced the arrests.');
    expect(out.relations).toContainEqual({ source: 'Immigration and Customs Enforcement', target: 'Department of Homeland Security', type: 'PART_OF' });
  });

  it('does not read an all-caps word as a country unless the lexicon spells it so', async () => {
    expect((await find('OFFICIALS TOLD US NOTHING', 'United States'))).toBeDefined(); // "US" is a listed code
    expect((await find('THE REPORT IS OUT', 'ISIS'))).toBeUndefined();
  });

  it('reads a surname that is also a gazetteer town ("Hassan") as the person named earlier', async () => {
    const out = await run('Abdirahman Yusuf Hassan was arrested in Minneapolis. Prosecutors said Hassan sent money abroad.');
    expect(out.entities.filter((e) => e.name === 'Hassan')).toEqual([]);
    expect((await find('Abdirahman Yusuf Hassan was arrested. Hassan sent money abroad.', 'Abdirahman Yusuf Hassan'))?.aliases).toContain('Hassan');
  });

  it.each([
    ['The men were held in Otay Mesa, California, on Friday.', 'Otay Mesa', 'Location'],
    ['Officers arrested him near Eagle Pass, Texas.', 'Eagle Pass', 'Location'],
    ['Texas Governor Greg Abbott, Texas’s top official, spoke.', 'Greg Abbott', 'Person'],
    ["The plan is lawful, according to Rob Bonta, California's attorney general.", 'Rob Bonta', 'Person'],
  ])('types the unknown name in "%s" by its context: %s is a %s', async (text, name, type) => {
    expect((await find(text, name))?.type).toBe(type);
  });

  it.each([
    ['Farid Ahmadi and Gul Rahman, were transferred to ICE custody.', 'Gul Rahman'],
    ['Immigration and Customs Enforcement lodged a detainer against Hassan Ali Omar.', 'Hassan Ali Omar'],
    ['ICE arrests Mohammad Kharwin in Texas.', 'Mohammad Kharwin'],
  ])('does not make %s a member of ICE: "%s"', async (text, person) => {
    expect((await run(text)).relations.filter((r) => r.source === person && r.type === 'MEMBER_OF')).toEqual([]);
  });

  it.each([
    ['FBI Director Christopher Wray spoke.', 'Christopher Wray', 'Federal Bureau of Investigation'],
    ["Former FBI counterterrorism official Christopher O'Leary said so.", "Christopher O'Leary", 'Federal Bureau of Investigation'],
    ['Rep. Mark Green, chairman of the House Homeland Security Committee, spoke.', 'Mark Green', 'House Homeland Security Committee'],
    ['Jane Roe, a former ICE official, spoke.', 'Jane Roe', 'Immigration and Customs Enforcement'],
  ])('still reads the title phrase in "%s"', async (text, person, body) => {
    expect((await run(text)).relations.some((r) => r.source === person && r.target === body && /MEMBER_OF$/.test(r.type))).toBe(true);
  });

  it.each([
    ['U.S. District Judge Regina Rodriguez ordered his release.', 'Regina Rodriguez'],
    ['Deputy Attorney General Todd Blanche agreed.', 'Todd Blanche'],
    ['Sen. Jim Justice spoke.', 'Jim Justice'],
  ])('strips a title and what precedes it from "%s": %s', async (text, name) => {
    expect((await run(text)).entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual([name]);
  });

  it.each(['Abu Bakr al-Baghdadi', 'Osama bin Laden', 'Ayman al-Zawahiri', 'Maria de la Cruz'])('keeps the particles of "%s" in the name', async (name) => {
    expect((await run(`Officials said ${name} was named in the report.`)).entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual([name]);
  });

  it.each([
    ['Border czar Thomas D. Hollis visited the border.', 'Thomas D. Hollis'],
    ['Secretary of State Marco Rubio met him.', 'Marco Rubio'],
    ['Republican Mark Green agreed.', 'Mark Green'],
    ['Later Thomas Hollis spoke on Tuesday.', 'Thomas Hollis'],
    // The same two forms of a name the people lexicon knows give its canonical name.
    ['Border czar Thomas D. Homan visited the border.', 'Tom Homan'],
    ['Later Thomas Homan spoke on Tuesday.', 'Tom Homan'],
  ])('finds the person in "%s": %s', async (text, name) => {
    expect((await run(text)).entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual([name]);
  });

  it('does not read "Election Day", "Operation Allies Welcome" or "Terrorist Screening Dataset" as people', async () => {
    expect((await run('He planned an Election Day attack. Operation Allies Welcome resettled him. His name matched the Terrorist Screening Dataset.')).entities.filter((e) => e.type === 'Person')).toEqual([]);
  });

  it('prefers the longer name that starts inside a shorter match: "the Bureau of Prisons" is not the FBI', async () => {
    const out = await run('The U.S. Marshals Service handed him to the Bureau of Prisons.');
    expect(out.entities.map((e) => e.name)).toEqual(['U.S. Marshals Service', 'Federal Bureau of Prisons']);
  });

  it('keeps the place in a body\'s name: "Houston Police Department", "Texas Department of Public Safety"', async () => {
    const out = await run('The Houston Police Department and the Texas Department of Public Safety assisted.');
    expect(out.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Agency:Houston Police Department', 'Agency:Texas Department of Public Safety']);
  });

  it.each([
    ['Advocates at the Kino Border Initiative objected.', 'Kino Border Initiative', 'Organization'],
    ['Catholic Charities opened a shelter.', 'Catholic Charities', 'Organization'],
    ['The Office for Civil Rights opened a case.', 'Office for Civil Rights', 'Agency'],
    ['Staff of the Council on American-Islamic Relations spoke.', 'Council on American-Islamic Relations', 'Organization'],
  ])('finds the body in "%s": %s (%s), not a person', async (text, name, type) => {
    const out = await run(text);
    expect(out.entities.find((e) => e.name === name)?.type).toBe(type);
    expect(out.entities.filter((e) => e.type === 'Person')).toEqual([]);
  });

  it.each([
    ['Some were held at facilities in Georgia and Arizona.', 'Location'],
    ['He lived in Atlanta, Georgia, for a year.', 'Location'],
    ['Migrants from Tajikistan, Georgia and Russia were screened.', 'Country'],
  ])('reads Georgia by its neighbours in "%s": a %s', async (text, type) => {
    expect((await run(text)).entities.filter((e) => e.name === 'Georgia').map((e) => e.type)).toEqual([type]);
  });

  it.each([
    ['A spokesman for the U.S. Embassy in Tashkent spoke.', 'U.S. Embassy'],
    ["Uzbekistan's Foreign Ministry said so.", 'Uzbekistan Foreign Ministry'],
    ['The Kyrgyz Embassy in Washington thanked officials.', 'Kyrgyz Embassy'],
  ])('names the country\'s body in "%s": %s', async (text, name) => {
    expect((await run(text)).entities.find((e) => e.name === name)?.type).toBe('Agency');
  });

  it.each([
    ['He was stopped at Washington Dulles International Airport on Monday.', 'Washington Dulles International Airport'],
    ['Agents arrested him at John F. Kennedy International Airport.', 'John F. Kennedy International Airport'],
  ])('reads an airport as a place: "%s"', async (text, name) => {
    expect((await run(text)).entities.map((e) => `${e.type}:${e.name}`)).toEqual([`Location:${name}`]);
  });

  it.each([
    ['She was moved to the Prairieland Detention Center within days.', 'Prairieland Detention Center', 'Location'],
    ['Agents searched Glenn Valley Foods just after 7 a.m.', 'Glenn Valley Foods', 'Organization'],
    ["Videos from al-Azaim Foundation circulate widely.", 'al-Azaim Foundation', 'Organization'],
    ['Migrants are held in tents at Fort Bliss this summer.', 'Fort Bliss', 'Location'],
  ])('types the name in "%s" by its head: %s is a %s', async (text, name, type) => {
    expect((await run(text)).entities.map((e) => `${e.type}:${e.name}`)).toEqual([`${type}:${name}`]);
  });

  it('reads a country after a title as a first name: "Sheriff Chad Chronister", "Sen. Jordan Ellis"', async () => {
    const out = await run('Sheriff Chad Chronister and Sen. Jordan Ellis spoke in Tampa.');
    expect(out.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Person:Chad Chronister', 'Person:Jordan Ellis', 'Location:Tampa']);
  });

  it('keeps a possessive inside a body\'s name and reads a county as a place', async () => {
    const out = await run('He was arrested in Hillsborough County, the Hillsborough County Sheriff\'s Office said.');
    expect(out.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Location:Hillsborough County', "Agency:Hillsborough County Sheriff's Office"]);
  });

  it('does not take "University" (a Florida town) out of "Texas A&M University"', async () => {
    expect((await run('Edward Lemon teaches at Texas A&M University.')).entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Person:Edward Lemon', 'Organization:Texas A&M University']);
  });

  it('reads the New York Times\' dotted acronyms: "F.B.I." is the FBI', async () => {
    expect((await run('The F.B.I. said it was working with the C.I.A. on the case.')).entities.map((e) => e.name)).toEqual(['Federal Bureau of Investigation', 'Central Intelligence Agency']);
  });

  it('knows regions such as New England as places, not people', async () => {
    expect((await run('Michael Krol leads the office in New England.')).entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Person:Michael Krol', 'Location:New England']);
  });

  it.each([
    'Haitians lost Temporary Protected Status last year.',
    'The Deferred Action for Childhood Arrivals program protects Dreamers.',
  ])('reads no person in the programme named in "%s"', async (text) => {
    expect((await run(text)).entities.filter((e) => e.type === 'Person')).toEqual([]);
  });

  it('knows groups and bodies with no head noun: Human Rights First, the National Vetting Center', async () => {
    const out = await run('Human Rights First criticized the National Vetting Center.');
    expect(out.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Organization:Human Rights First', 'Agency:National Vetting Center']);
  });

  it('knows provincial capitals and drops accents the way English news does: "Lashkar Gah" (Lashkar Gāh)', async () => {
    const out = await run('He worked in Lashkar Gah, in Helmand province, and later in Termez.');
    expect(out.entities.map((e) => `${e.type}:${e.name}`)).toEqual(['Location:Lashkar Gah', 'Location:Helmand', 'Location:Termez']);
  });

  it('reads "retired Marine Lt. Col. James Whitaker" as one person, not "Marine Lt"', async () => {
    expect((await run('"He risked his life," said retired Marine Lt. Col. James Whitaker.')).entities.filter((e) => e.type === 'Person').map((e) => e.name)).toEqual(['James Whitaker']);
  });

  it('resolves a body named by a known acronym in brackets to the known body: one node, not two', async () => {
    const out = await run("Uzbekistan's State Security Service (SGB) detained him. The SGB said so.");
    expect(out.entities.filter((e) => e.type === 'Agency').map((e) => e.name)).toEqual(['State Security Service of Uzbekistan']);
  });

  it('knows a city by the name news gives it: "Frankfurt" for Frankfurt am Main', async () => {
    expect((await run('He flew from Tashkent through Frankfurt.')).entities.map((e) => e.name)).toEqual(['Tashkent', 'Frankfurt']);
  });

  it('knows designated groups the immigration corpus names, such as al-Shabaab and Tren de Aragua', async () => {
    const out = await run('He tried to join al-Shabaab. Officials linked the others to Tren de Aragua and MS-13.');
    expect(out.entities.filter((e) => e.type === 'Organization').map((e) => e.name)).toEqual(['al-Shabaab', 'Tren de Aragua', 'MS-13']);
  });

  it.each(['Ron DeSantis', 'Shawn VanDiver', 'Chris LaCivita', 'Thomas DiNapoli', 'Kevin McCarthy'])('reads the inner capital of "%s" as part of a surname', async (name) => {
    expect((await names(`The letter was signed by ${name} on Monday.`))).toContain(name);
  });

  it.each([
    ['Most of the workers were from Guatemala, according to Nebraska Appleseed, an advocacy group in Lincoln.', 'Nebraska Appleseed'],
    ['The city was sued by Mijente, a Latino rights group, on Monday.', 'Mijente'],
    ['The Acme Widget Group, a company in Ohio, fired him.', 'Acme Widget Group'],
  ])('reads a name its appositive calls a group or company as an organization: "%s"', async (text, name) => {
    expect((await run(text)).entities).toContainEqual(expect.objectContaining({ name, type: 'Organization' }));
  });

  it.each([
    'Separately, a group of lawyers sued the city.',
    'On Monday, a coalition of groups sued the city.',
    'In Texas, a group of ranchers sued the city.',
    'John Smith, a company spokesman, said the plant would reopen.',
    'Maria Lopez, a group leader at the shelter, agreed.',
  ])(
    'makes no organization of an opening word before "a group", nor of a person the appositive describes: "%s"',
    async (text) => {
      expect((await run(text)).entities.filter((e) => e.type === 'Organization')).toEqual([]);
    },
  );

  it('names a government body after the nationality before it, and an attorney\'s office after its district', async () => {
    const out = (await names(
      'He flew for the Afghan Air Force until 2021. The U.S. Attorney\'s Office for the Eastern District of Pennsylvania charged him. The U.S. District Court in Boston heard the case.',
    ));
    expect(out).toEqual(expect.arrayContaining(['Afghan Air Force', "U.S. Attorney's Office for the Eastern District of Pennsylvania", 'United States', 'District Court']));
    expect(out).not.toContain('Air Force');
  });

  it('reads the outlet of a "Source:" header as an organization, not a person', async () => {
    const out = await run('Title: GAO review\nSource: Government Executive\n\nThe Government Accountability Office reviewed the program.');
    expect(out.entities).toContainEqual(expect.objectContaining({ name: 'Government Executive', type: 'Organization' }));
  });

  it('does not read "Special Immigrant Visas" as a person', async () => {
    expect((await run('Afghans who hold Special Immigrant Visas are exempt.')).entities.filter((e) => e.type === 'Person')).toEqual([]);
  });

  it.each([
    ["The Hillsborough County Sheriff's Office has joined the program, Sheriff Chad Chronister announced Thursday.", 'Chad Chronister', "Hillsborough County Sheriff's Office"],
    ['Agents of the U.S. Border Patrol were praised by Chief Patrol Agent John Modlin on Monday.', 'John Modlin', 'U.S. Border Patrol'],
    ['Jaylani Hussein, executive director of the Minnesota chapter of the Council on American-Islamic Relations, spoke.', 'Jaylani Hussein', 'Council on American-Islamic Relations'],
  ])('finds the membership in "%s"', async (text, person, body) => {
    expect((await run(text)).relations).toContainEqual(expect.objectContaining({ source: person, target: body, type: 'MEMBER_OF' }));
  });

  it('reads the nationality of "Abdul Wasi Safi, a former Afghan commando"', async () => {
    expect((await run('The man, Abdul Wasi Safi, a former Afghan commando, was on the list.')).relations).toContainEqual(
      expect.objectContaining({ source: 'Abdul Wasi Safi', target: 'Afghanistan', type: 'NATIONAL_OF' }),
    );
  });

  it('knows "St. Paul" as the gazetteer\'s Saint Paul', async () => {
    expect((await find('ICE arrested 14 people in Minneapolis and St. Paul.', 'Saint Paul'))?.aliases).toContain('St. Paul');
  });

  it.each(["The Federal Prosecutor's Office in Karlsruhe", "The Prosecutor General's Office in Tashkent"])('keeps the possessive in "%s"', async (phrase) => {
    const name = phrase.replace(/^The /, '').replace(/ in \w+$/, '');
    expect((await names(`${phrase} said the suspects had been in contact with ISIS-K.`))).toContain(name);
  });

  it('names a facility with the agency that runs it: "the Northwest ICE Processing Center"', async () => {
    expect((await find('He was moved to the Northwest ICE Processing Center in Tacoma.', 'Northwest ICE Processing Center'))?.type).toBe('Location');
  });

  it('reads what someone co-founded as an organization, and names a party with its country', async () => {
    const out = await run('Lucas Webber, co-founder of Militant Wire, said members of the Islamic Renaissance Party of Tajikistan were jailed.');
    expect(out.entities).toContainEqual(expect.objectContaining({ name: 'Militant Wire', type: 'Organization' }));
    expect(out.entities).toContainEqual(expect.objectContaining({ name: 'Islamic Renaissance Party of Tajikistan', type: 'Organization' }));
    expect(out.relations).toContainEqual(expect.objectContaining({ source: 'Lucas Webber', target: 'Militant Wire', type: 'MEMBER_OF' }));
  });

  it('strips long and plural titles: "Assistant Attorney General for National Security John A. Eisenberg", "Assistant U.S. Attorneys Robert Pollack and Ellen Sise"', async () => {
    const out = (await names('Assistant Attorney General for National Security John A. Eisenberg and Assistant U.S. Attorneys Robert Pollack and Ellen Sise made the announcement.'));
    expect(out).toEqual(expect.arrayContaining(['John A. Eisenberg', 'Robert Pollack', 'Ellen Sise']));
    expect(out).not.toContain('Attorneys Robert Pollack');
  });

  it('finds the name after an office in "Director of National Intelligence Tulsi Gabbard"', async () => {
    expect((await names('Director of National Intelligence Tulsi Gabbard spoke on Monday.'))).toContain('Tulsi Gabbard');
  });

  it('finds nothing in a text without names, without failing', async () => {
    expect((await run('nothing to see here, just lower-case words.')).entities).toEqual([]);
  });
});

describe('extract: people the lexicon knows', () => {
  it.each([
    ['President Trump met Secretary Noem in Texas.', 'Donald Trump'],
    ['Attorney General Pamela Bondi said the case was closed. Bondi added more.', 'Pam Bondi'],
    ['Mayorkas said the border was secure.', 'Alejandro Mayorkas'],
  ])('names the person in "%s" as %s', async (text, name) => {
    expect((await run(text)).entities).toContainEqual(expect.objectContaining({ name, type: 'Person' }));
  });

  it('keeps "the Trump administration" an agency', async () => {
    expect((await run('The Trump administration appealed.')).entities).toEqual([{ name: 'Trump administration', type: 'Agency', aliases: [] }]);
  });

  it('reads "NYPD" and "New York Police Department" as one agency', async () => {
    const out = await run('The New York Police Department and the FBI investigated. The NYPD declined to comment.');
    expect(out.entities.filter((e) => e.name === 'New York City Police Department')).toHaveLength(1);
  });
});
