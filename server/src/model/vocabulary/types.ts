// The words one language uses for the things a runbook is read for. Every list is
// plain words and phrases, lowercase; vocabulary/index.ts turns them into matchers.
//
// How an entry matches (index.ts, `compile`):
// - a space matches a space, a hyphen or nothing ("roll back": "rollback", "roll-back");
// - a trailing `*` lets the word go on ("critère*": "critères"), a leading `*` lets it
//   start inside a word ("*kriterien": "Abbruchkriterien");
// - a word in a script without spaces (Japanese, Chinese) matches inside text; other
//   words match whole, where no letter of a spaced script (Latin, Cyrillic, Greek) or digit
//   touches them: "dashboard" in "Cloudflare Dashboardでのロールバック";
// - a trailing `>` ends the word there even in such a script ("시>": "롤백 시", "롤백시",
//   not "시나리오", "시간");
// - in `triggerPhrases`, a leading `^` ties the phrase to the start of the heading.
// Adding a language is a new file here, a line in index.ts, and a fixture.

export interface Vocabulary {
  /** BCP 47 tag. */
  language: string;
  /** Rolling back a release: the noun and the verbs ("rollback", "revert", "retour arrière"). */
  rollback: string[];
  /** With a rollback word, make a heading a trigger section: "criteria", "conditions", "when". */
  criteria: string[];
  /** Worked scenarios ("rollback scenarios"): what went wrong and how it was handled, triggers only under a heading that gives the time to decide. */
  scenarios: string[];
  /** With a scenarios word, make the heading a set of worked examples ("Common rollback scenarios"): triggers only when the runbook has no real list. */
  scenarioQualifiers: string[];
  /** Words that, beside a rollback and a criteria word, make the heading about something else ("success criteria", "Trigger rollback via …"). */
  notTriggers: string[];
  /** Headings that are a trigger section on their own, whole ("triggers", "trigger conditions"). */
  triggerTitles: string[];
  /** Phrases that make a heading a trigger section wherever they stand ("when to roll back"). */
  triggerPhrases: string[];
  /** "When to use this runbook": a trigger section when the document is about rolling back. */
  usage: string[];
  /** More words for a rollback procedure heading, beside the rollback words ("recovery", "restore"). */
  procedure: string[];
  /** Words that make a heading with a rollback word something else than the procedure ("decision", "history"). */
  notProcedure: string[];
  /** Headings of advice around a procedure, not the procedure to run ("best practices", "prévention", "lessons learned", "演练"): RB019 reads no step there. */
  advice: string[];
  /** A lead-in that makes the block after it an illustration ("例:", "Example:"): it runs nothing. */
  examples: string[];
  /** A heading that says the code under it is written, not run ("### 4-2. 역순 SQL 작성", "Write the down migration"). */
  compose: string[];
  /** Headings of who decides and whom to tell ("decision owners", "判断責任者", "判断時の連絡"): no trigger list under a trigger section. */
  roles: string[];
  /** The word before a rollback level's number ("Level 2", "Niveau 1", "レベル 3"): a ladder of them names the levels (RB016). */
  levels: string[];
  /** A side-effect census heading ("side effects", "compensating actions"). */
  census: string[];
  /** A release brief heading. */
  brief: string[];
  /** Words of "if / when" that, after a rollback word, make a short label a trigger label ("Revertir si:"). */
  conditional: string[];
  /** Words that turn a heading or a label around ("not", "never", "instead"). */
  negative: string[];
  /** Words of degree or judgement that, with no number, no named check and no way it is observed, leave a trigger vague: "elevated", "significant", "critical", "decision". */
  vague: string[];
  /** How often, with no count ("frequent crashes", "falla ocasionalmente", "API 500エラー多発"): even a concrete event is vague then (RB007). */
  frequency: string[];
  /** Words of mood with nothing to measure ("things look bad", "something seems off", "inestable", "様子がおかしい"): a trigger made of them is vague (RB007). */
  mood: string[];
  /** A concrete failure event ("broken", "fails", "unavailable", "discovered", "cassée", "失败"): with it, a degree word ("critical feature broken") still names something one can see happen. */
  events: string[];
  /** What fails one request or transaction at a time ("failed", "errors", "fallos", "échecs", "失败"): a percentage of them is a rate (RB008). */
  failures: string[];
  /** "Not resolved within" ("non risolvibili in [N] ore", "当日中の恒久修正が不可能"): a trigger that is a timer on a fix attempt, measured by the clock. */
  unresolved: string[];
  /** A deadline where a fix attempt's minutes should be ("not fixed the same day", "当日中の恒久修正が不可能"): a budget, but not a duration (RB004). */
  deadlines: string[];
  /** Who a share can be of ("> 50% người dùng", "5% dos usuários"): a share of users affected is a scope, not a rate that flaps. */
  users: string[];
  /** Nouns that name nothing in particular ("feature", "bug", "problem"): "Critical feature broken" says which event, not which feature. */
  generic: string[];
  /** Ways a trigger is observed, beside the tools every language names alike (Grafana, Sentry): "monitoring", "alert", "dashboard". */
  observedBy: string[];
  /** A rate or latency, beside the metric names every language writes alike (p95, 5xx, CPU): "taux d'erreur", "latência", "错误率". RB008 asks for its window. */
  rates: string[];
  /** Words that compare with the number after them ("superior a 2 s", "plus de 5 %"), beside < and >; where the word follows the number ("5%以上") a percentage already is one. */
  comparators: string[];
  /** An answer that corrects the data, not the code: "data correction", "restore from backup", "PITR", "restaurar o backup", "バックアップから復元". */
  dataCorrection: string[];
  /** A trigger about the data itself: corruption, loss, inconsistency. */
  dataCorruption: string[];
  /** Words that, with a letter or a number, name one of several rollback paths ("Option A", "Opção B", "方案A", "해결책 1"). */
  paths: string[];
  /** How a path is done, in its heading ("Rollback via Vercel CLI", "### Via Dashboard", "通过控制台回滚"): sibling headings that say it are paths. */
  pathVia: string[];
  /** A step that reverses the schema or the data ("down migration", "DROP COLUMN", "restaurar dump", "マイグレーションのロールバック"): RB019 asks for traffic stopped before it. */
  schemaReversal: string[];
  /** What a migration changes ("Colonne renommée / supprimée", "Enum réduit"): a list of them says which changes need a database rollback, not when to roll back. */
  schemaChanges: string[];
  /** A rollback done by hand in a web UI ("click", "dashboard", "Play Console", "painel", "管理画面"): the weakest path (RB012). */
  console: string[];
  /** The browser's developer console ("console do navegador", `console.log`, "errors in the console"): where one looks, not a console one clicks to roll back. */
  browserConsole: string[];
  /** A symptom's heading ("### Sintoma: botão não responde"): what goes wrong, not where a path is done. */
  symptom: string[];
  /** A tier's qualifier that names watching, preparing, the normal range or another answer ("### Warning (모니터링 강화, 롤백 준비)", "### Info (정상 범위)", "**Bajo** (Evaluar fix forward):"): its items do not roll back. */
  watchOnly: string[];
  /** A rollback by reverting the commit through a PR ("git revert", "[Revert the commit](…)", "커밋 revert"): the other weak path (RB012). */
  gitRevert: string[];
  /** "No" as a decision matrix answers "Rollback?" ("| UI glitch | P3 | No | Fix forward |"): that row is no trigger. */
  no: string[];
  /** The word before the last item of an enumeration ("a, b, oder c"): a comma list of triggers after a trigger label. */
  or: string[];
  /** What marks one rollback path as the one to take first. */
  preferred: string[];
  /** An environment or a plan a path is for ("(staging)", "(Free Plan)", "produção", "本番"): paths that name different ones are chosen by where, not by someone under stress. */
  environments: string[];
  /** A heading that says which path to take when ("Which option to use?", "Qual Opção Usar?", "使い分け"): the paths it names are chosen, not left open. */
  pathChoice: string[];
  /**
   * Verbs that open a step of a procedure ("Execute:", "Verificar health checks", "通知相关人员"): a list whose
   * items mostly open with one is what to do, not when. Empty where the verb ends the sentence (Japanese, Korean).
   */
  steps: string[];
  /** The verb a pasted command follows ("Esegui docker compose down", "Run: kubectl rollout undo …"). */
  run: string[];
  /** A whole label that introduces steps ("**Proceso:**", "Steps:", "手順："): the list after it holds no triggers. */
  stepLabels: string[];
  /** A rollback no one decides ("Automatic rollback triggers", "The system automatically rolls back when:"): there a trigger's window is its time to the decision. */
  automatic: string[];
  /** Done by hand: with an automatic sibling ("### Automated Rollback" / "### Manual Rollback Steps"), two ways back. */
  manual: string[];
  /** With a number, a heading that is one stage of a sequence ("Step 1: Stop New Traffic", "Paso 2", "步骤3"), not one path of several. */
  stages: string[];
  /** A document-wide rollback time ("RTO: 15 minutes", "Tempo de rollback: < 10 min", "目標復旧時間 30分"): the default budget of triggers that state none. */
  rto: string[];
  /** A label that states the document's rollback time when a duration follows it ("**Obiettivo T1: < 30 minuti.**", "Objectif : … en < 10 min"). */
  objective: string[];
  /**
   * Words that make a duration a window, not a budget ("for 5 minutes", "5分間継続"): those
   * written just before the number, those just after the unit, and those between the two
   * ("10 consecutive minutes"); and `steady`, the words that say on their own, with no duration,
   * that a condition must hold over time ("sustained", "costantemente", "持续"): RB008 asks no more.
   */
  window: { before: string[]; after: string[]; between?: string[]; steady: string[] };
  /** "Immediately", "ASAP": a budget written as a word, which RB004 asks to make a duration. */
  immediate: string[];
  /**
   * A rehearsal receipt's sections, as headings name them ("Commands run", "Gaps discovered",
   * "Timeline"), and the words that say someone watched or recorded it.
   */
  receipt: {
    commands: string[];
    gaps: string[];
    timeline: string[];
    witness: string[];
    /** A sign-off heading over a table of who signed ("### Sign-offs", "Firmas", "签字"): a filled row is a witness. */
    signOff: string[];
    /** A measured total in a drill report written as prose ("Total RTO", "Tiempo total", "回滚耗时"). */
    measured: string[];
    /** Words that make a time a plan, not a measurement ("estimated", "target", "目標"). */
    estimate: string[];
    /** A status that says the drill did not happen ("NOT RUN", "⚠️ Could not run", "Tipo: tabletop", "live rehearsal is deferred"): its code is the playbook. */
    notRun: string[];
    /** A column or field that holds the drill's outcome or kind ("| Result |", "Estado:", "Tipo:", "| 結果 |"): where "NOT RUN" or "tabletop" says the drill did not happen. */
    status: string[];
  };
  /** Units of time after a number ("5 minutos", "10 phút", "5分钟"); a range's unit is written once. */
  units: { seconds: string[]; minutes: string[]; hours: string[]; days: string[] };
  /** Table header words (matched anywhere in the header cell). */
  columns: {
    trigger: string[];
    observed: string[];
    budget: string[];
    /** The value a trigger's metric is compared with ("| Métrique | Seuil |"): the row's threshold, beside its name. */
    threshold: string[];
    /** How long the fix would take ("| 问题类型 | 修复时间评估 | … | 立即回滚 |", "Time to fix"): a condition of the row, not its budget. */
    fixTime: string[];
    /** The level a row is answered by ("| Trigger | Severity | Detectie |"): a legend of the levels gives the rows their budget. */
    severity: string[];
  };
}
