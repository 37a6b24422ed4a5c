import type { Vocabulary } from './types';

export const fr: Vocabulary = {
  language: 'fr',
  rollback: ['rollback', 'retour arrière', 'retour en arrière', 'retour-arrière', 'revenir en arrière', 'revenir à la version précédente', 'retour à la version précédente', 'annuler le déploiement', 'repli', 'abandon'],
  criteria: ['critère', 'critères', 'conditions', 'condition', 'déclencheurs', 'déclencheur', 'quand', 'signaux', 'scénarios', 'matrice de décision'],
  notTriggers: ['succès', 'réussite', 'vérification', 'validation'],
  triggerTitles: ['déclencheurs', 'critères de déclenchement'],
  triggerPhrases: ['quand revenir en arrière', 'quand faire un rollback', 'quand effectuer un rollback', 'quand déclencher'],
  usage: ['quand utiliser', "quand l'utiliser", 'quand exécuter', 'quand appliquer', 'quand déclencher'],
  procedure: ['restauration', 'restaurer', 'reprise', 'récupération', 'annulation'],
  notProcedure: ['décision', 'responsab*', 'historique', 'journal'],
  census: ['effets de bord', 'effets secondaires', 'compensat*', 'actions compensatoires'],
  brief: ['résumé de la release', 'résumé de version'],
  conditional: ['si', 'quand', 'lorsque', 'en cas de'],
  negative: ['ne pas', 'pas de', 'jamais', 'éviter', 'au lieu de'],
  vague: ['élevé*', 'significati*', 'augmentation', 'hausse', 'dégradé*', 'dégradation', 'grave*', 'sévère*', 'critique*', 'inattendu*', 'anormal*', 'acceptable', 'plaintes', 'décision', 'problèmes', 'problème', 'cassé*', 'modéré*', 'mineures', 'majeur*'],
  observedBy: ['supervision', 'surveillance', 'alerte*', 'tableau de bord', 'journaux', 'logs', 'vérification manuelle', 'test*', 'support', 'tickets'],
  dataCorruption: ['corruption des données', 'corruption de données', 'données corrompues', 'perte de données', 'données perdues', 'données incohérentes', 'incohérence des données', 'intégrité des données'],
  preferred: ['préféré', 'préférée', 'recommandé', 'recommandée', 'principal', 'principale', 'par défaut'],
  units: { seconds: ['secondes', 'seconde'], minutes: ['minutes', 'minute'], hours: ['heures', 'heure'], days: ['jours', 'jour'] },
  columns: {
    trigger: ['déclencheur', 'condition', 'critère', 'symptôme', 'métrique', 'quand', 'événement', 'alerte', 'signal'],
    observed: ['détect', 'comment', 'surveillance', 'supervision', 'source', 'vérification'],
    budget: ['délai', 'temps', 'minute', 'durée'],
  },
};
