import type { Vocabulary } from './types';

export const nl: Vocabulary = {
  language: 'nl',
  rollback: ['rollback', 'terugdraaien', 'terugrollen', 'terugzetten', 'terugval', 'terug naar de vorige versie', 'afbreken'],
  criteria: ['criteria', 'criterium', 'voorwaarden', 'triggers', 'wanneer', 'signalen', 'scenario*', 'beslismatrix'],
  notTriggers: ['succes*', 'verificatie', 'validatie'],
  triggerTitles: ['triggers', 'voorwaarden voor terugdraaien'],
  triggerPhrases: ['wanneer terugdraaien', 'wanneer terugrollen', 'wanneer een rollback'],
  procedure: ['herstel', 'herstellen', 'ongedaan maken'],
  notProcedure: ['beslissing*', 'verantwoordelij*', 'geschiedenis', 'logboek'],
  census: ['neveneffecten', 'bijwerkingen', 'compensat*', 'compenserende acties'],
  brief: ['release-samenvatting'],
  conditional: ['als', 'wanneer', 'indien', 'bij'],
  negative: ['niet', 'geen', 'nooit', 'vermijd*', 'in plaats van'],
  dataCorruption: ['datacorruptie', 'corrupte data', 'gegevensverlies', 'dataverlies', 'verlies van gegevens', 'inconsistente data', 'inconsistente gegevens', 'data-integriteit'],
  preferred: ['voorkeur', 'aanbevolen', 'primair', 'primaire', 'standaard'],
  columns: {
    trigger: ['trigger', 'voorwaarde', 'criteri', 'symptoom', 'metriek', 'wanneer', 'gebeurtenis', 'alarm', 'signaal'],
    observed: ['detect', 'monitor', 'bron', 'controle', 'hoe '],
    budget: ['tijd', 'termijn', 'minuten', 'binnen'],
  },
};
