import type { Vocabulary } from './types';

export const it: Vocabulary = {
  language: 'it',
  rollback: ['rollback', 'tornare indietro', 'ritorno alla versione precedente', 'tornare alla versione precedente', 'annullare il rilascio', 'ripristino della versione precedente', 'revert'],
  criteria: ['criteri', 'criterio', 'condizioni', 'condizione', 'trigger', 'quando', 'segnali', 'scenari', 'matrice decisionale'],
  notTriggers: ['successo', 'completamento', 'verifica', 'validazione'],
  triggerTitles: ['trigger', 'condizioni di attivazione'],
  triggerPhrases: ['quando fare rollback', 'quando eseguire il rollback', 'quando tornare indietro'],
  usage: ['quando usare', 'quando utilizzare', 'quando eseguire', 'quando applicare'],
  procedure: ['ripristino', 'ripristinare', 'recupero'],
  notProcedure: ['decisione', 'responsabil*', 'storico', 'registro'],
  census: ['effetti collaterali', 'compensa*', 'azioni compensative'],
  brief: ['sintesi del rilascio'],
  conditional: ['se', 'quando', 'in caso di'],
  negative: ['non', 'mai', 'evitare', 'invece'],
  vague: ['elevat*', 'significativ*', 'aumento', 'degradat*', 'degrado', 'grav*', 'sever*', 'critic*', 'alto', 'alta', 'inaspettat*', 'anomal*', 'accettabile', 'lamentele', 'decisione', 'problemi', 'rott*'],
  observedBy: ['monitoraggio', 'allarm*', 'alert*', 'dashboard', 'log', 'verifica manuale', 'test*', 'supporto', 'ticket'],
  dataCorruption: ['corruzione dei dati', 'dati corrotti', 'perdita di dati', 'perdita dei dati', 'dati persi', 'dati inconsistenti', 'incoerenza dei dati', 'integrità dei dati'],
  preferred: ['preferito', 'preferita', 'consigliato', 'consigliata', 'raccomandato', 'principale', 'predefinito'],
  units: { seconds: ['secondi', 'secondo'], minutes: ['minuti', 'minuto'], hours: ['ore', 'ora'], days: ['giorni', 'giorno'] },
  columns: {
    trigger: ['trigger', 'condizion', 'criteri', 'sintomo', 'metrica', 'quando', 'evento', 'allarme', 'segnale'],
    observed: ['rilev', 'monitor', 'fonte', 'verifica', 'come '],
    budget: ['tempo', 'minuti', 'scadenza', 'entro'],
  },
};
