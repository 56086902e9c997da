import historyEntry from './history-entry';

export default { 'history-entry': historyEntry };
