import type { Vocabulary } from './types';

export const de: Vocabulary = {
  language: 'de',
  rollback: ['rollback', 'zurückrollen', 'zurücksetzen', 'zurückgesetzt', 'rückabwicklung', 'rückfall*', 'rücksprung', 'rückkehr zur vorherigen version', 'abbruch*', 'rückrollen'],
  criteria: ['kriterien', 'kriterium', '*kriterien', 'bedingungen', 'auslöser', 'wann', 'signale', 'szenarien', 'entscheidungsmatrix'],
  notTriggers: ['erfolg*', 'abnahme*', 'verifizierung', 'validierung'],
  triggerTitles: ['auslöser', 'auslösebedingungen'],
  triggerPhrases: ['wann zurückrollen', 'wann ein rollback', 'wann rollback'],
  usage: ['wann verwenden', 'wann anwenden', 'wann ausführen', 'wann einsetzen', 'einsatzkriterien'],
  procedure: ['wiederherstellung', 'wiederherstellen', 'rückgängig'],
  notProcedure: ['entscheidung*', 'verantwort*', 'historie', 'protokoll'],
  census: ['nebenwirkungen', 'seiteneffekte', 'nebeneffekte', 'kompensation*', 'ausgleichsmaßnahmen'],
  brief: ['release-übersicht', 'release-zusammenfassung'],
  conditional: ['wenn', 'falls', 'bei'],
  negative: ['nicht', 'kein', 'keine', 'nie', 'niemals', 'vermeiden', 'statt', 'anstatt'],
  vague: ['erhöht*', 'signifikant*', 'deutlich*', 'anstieg', 'degradiert*', 'verschlechter*', 'schwer*', 'kritisch*', 'hoch', 'hohe*', 'unerwartet*', 'ungewöhnlich*', 'akzeptab*', 'beschwerden', 'entscheidung', 'probleme', 'kaputt'],
  observedBy: ['überwachung', 'monitoring', 'alarm*', 'alert*', 'dashboard', 'protokoll*', 'logs', 'manuelle prüfung', 'test*', 'support', 'tickets'],
  dataCorruption: ['datenverlust', 'datenkorruption', 'beschädigte daten', 'datenbeschädigung', 'inkonsistente daten', 'dateninkonsistenz', 'datenintegrität', 'korrupte daten'],
  preferred: ['bevorzugt', 'bevorzugte', 'empfohlen', 'empfohlene', 'primär'],
  units: { seconds: ['sekunden', 'sekunde', 'sek'], minutes: ['minuten', 'minute'], hours: ['stunden', 'stunde', 'std'], days: ['tage', 'tag'] },
  columns: {
    trigger: ['auslöser', 'bedingung', 'kriteri', 'symptom', 'metrik', 'wann', 'ereignis', 'alarm', 'signal'],
    observed: ['erkenn', 'überwach', 'quelle', 'prüfung', 'wie '],
    budget: ['zeit', 'frist', 'minuten', 'dauer'],
  },
};
