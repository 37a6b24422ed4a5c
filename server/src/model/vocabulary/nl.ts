import type { Vocabulary } from './types';

export const nl: Vocabulary = {
  language: 'nl',
  rollback: ['rollback', 'terugdraaien', 'terugrollen', 'terugzetten', 'terugval', 'terug naar de vorige versie', 'afbreken'],
  criteria: ['criteria', 'criterium', 'voorwaarden', 'triggers', 'wanneer', 'signalen', 'scenario*', 'beslismatrix'],
  notTriggers: ['succes*', 'verificatie', 'validatie'],
  triggerTitles: ['triggers', 'voorwaarden voor terugdraaien'],
  triggerPhrases: ['wanneer terugdraaien', 'wanneer terugrollen', 'wanneer een rollback'],
  usage: ['wanneer gebruiken', 'wanneer uitvoeren', 'wanneer toepassen'],
  procedure: ['herstel', 'herstellen', 'ongedaan maken'],
  notProcedure: ['beslissing*', 'verantwoordelij*', 'geschiedenis', 'logboek'],
  census: ['neveneffecten', 'bijwerkingen', 'compensat*', 'compenserende acties'],
  brief: ['release-samenvatting'],
  conditional: ['als', 'wanneer', 'indien', 'bij'],
  negative: ['niet', 'geen', 'nooit', 'vermijd*', 'in plaats van'],
  vague: ['verhoogd*', 'significant*', 'aanzienlijk*', 'stijging', 'gedegradeerd*', 'verslechter*', 'ernstig*', 'kritiek*', 'hoog', 'hoge', 'onverwacht*', 'abnormaal', 'acceptabel*', 'klachten', 'beslissing', 'problemen', 'kapot'],
  observedBy: ['monitoring', 'alarm*', 'alert*', 'dashboard', 'logs', 'handmatige controle', 'test*', 'support', 'tickets'],
  dataCorruption: ['datacorruptie', 'corrupte data', 'gegevensverlies', 'dataverlies', 'verlies van gegevens', 'inconsistente data', 'inconsistente gegevens', 'data-integriteit'],
  preferred: ['voorkeur', 'aanbevolen', 'primair', 'primaire', 'standaard'],
  units: { seconds: ['seconden', 'seconde'], minutes: ['minuten', 'minuut'], hours: ['uur', 'uren'], days: ['dagen', 'dag'] },
  columns: {
    trigger: ['wat stuk', 'probleem', 'storing', 'trigger', 'voorwaarde', 'criteri', 'symptoom', 'metriek', 'wanneer', 'gebeurtenis', 'alarm', 'signaal'],
    observed: ['detect', 'monitor', 'bron', 'controle', 'hoe '],
    budget: ['duur', 'tijd', 'termijn', 'minuten', 'binnen'],
  },
};
