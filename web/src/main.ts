import { httpApi } from './api.ts';
import { mountExplorer } from './explorer.ts';

mountExplorer(document.body, httpApi);
