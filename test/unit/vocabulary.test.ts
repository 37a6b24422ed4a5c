// Issue 11: the vocabulary is data, one table per language. Each language has a
// fixture here: a trigger section headed in that language is found, with its triggers;
// and the headings that only look like one are not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { VOCABULARIES, MATCH, entrySource, namesTriggers } from '../../server/src/model/vocabulary';
import { buildRunbook } from '../../server/src/model/runbook';
import { Project, defaultConfig } from '../../server/src/engine';
import { isRollbackTitle, isTriggerLabel, normalizeTitle } from '../../server/src/model/sections';

const LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'ja', 'ko', 'zh-Hans', 'zh-Hant', 'vi', 'ru'];

/** A project over these files under /w (a path in rollback-rehearsals/ is a receipt). */
function project(files: Record<string, string>): Project {
  const p = new Project({ today: () => '2026-06-01', configFor: () => defaultConfig('/w') });
  for (const [file, text] of Object.entries(files)) p.set(`/w/${file}`, text, file.includes('rollback-rehearsals/') ? 'receipt' : 'runbook');
  return p;
}

/** The findings of `rule` on a runbook of this text. */
function findingsOf(rule: string, runbook: string) {
  return project({ 'RUNBOOK.md': runbook }).lint('/w/RUNBOOK.md').filter((f) => f.ruleId === rule);
}

/** The findings of `rule` on a runbook whose rollback procedure holds this body. */
const inProcedure = (rule: string, body: string) => findingsOf(rule, `# Runbook\n\n## Rollback procedure\n\n${body}\n`);

/** A trigger section heading and a rollback procedure heading, as people write them. */
const HEADINGS: Record<string, { triggers: string[]; procedure: string; label: string }> = {
  en: { triggers: ['Rollback criteria', 'When to roll back', 'Criteria for rolling back', 'Rollback decision matrix'], procedure: 'Rollback procedure', label: 'Roll back immediately if:' },
  es: { triggers: ['Criterios de rollback', 'Criterios de reversión', '¿Cuándo hacer rollback?'], procedure: 'Procedimiento de reversión', label: 'Revertir si:' },
  pt: { triggers: ['Critérios de rollback', 'Gatilhos de reversão', 'Quando fazer rollback'], procedure: 'Procedimento de rollback', label: 'Fazer rollback se:' },
  fr: { triggers: ['Critères de retour arrière', 'Quand faire un rollback', 'Déclencheurs de rollback'], procedure: 'Procédure de retour arrière', label: 'Revenir en arrière si :' },
  de: { triggers: ['Rollback-Kriterien', 'Wann zurückrollen?', 'Abbruchkriterien'], procedure: 'Rollback-Verfahren', label: 'Rollback durchführen, wenn:' },
  it: { triggers: ['Criteri di rollback', 'Quando fare rollback', '6.1 Trigger di rollback (qualsiasi ⇒ rollback)'], procedure: 'Procedura di rollback', label: 'Eseguire il rollback se:' },
  nl: { triggers: ['Criteria voor terugdraaien', 'Wanneer terugdraaien'], procedure: 'Terugdraaien', label: 'Terugdraaien als:' },
  ja: { triggers: ['ロールバック基準', '切り戻し判断基準', 'ロールバックの条件'], procedure: 'ロールバック手順', label: '以下の場合はロールバックする:' },
  ko: { triggers: ['롤백 기준', '롤백 조건'], procedure: '롤백 절차', label: '다음의 경우 롤백:' },
  'zh-Hans': { triggers: ['回滚条件', '回滚触发条件', '何时回滚'], procedure: '回滚步骤', label: '出现以下情况时回滚：' },
  'zh-Hant': { triggers: ['回滾條件', '回滾觸發條件'], procedure: '回滾步驟', label: '出現以下情況時回滾：' },
  vi: { triggers: ['Tiêu chí rollback', 'Khi nào cần rollback', 'Điều kiện hoàn tác'], procedure: 'Quy trình rollback', label: 'Rollback nếu:' },
  ru: { triggers: ['Критерии отката', 'Условия для отката', 'Когда откатывать'], procedure: 'Процедура отката', label: 'Откатить, если:' },
};

test('every language the issue names has a table and a fixture', () => {
  assert.deepEqual(VOCABULARIES.map((v) => v.language).sort(), [...LANGUAGES].sort());
  assert.deepEqual(Object.keys(HEADINGS).sort(), [...LANGUAGES].sort());
  for (const v of VOCABULARIES) {
    for (const key of ['rollback', 'criteria', 'census', 'negative', 'dataCorruption', 'preferred'] as const) assert.ok(v[key].length, `${v.language}.${key} is empty`);
    for (const key of ['trigger', 'observed', 'budget'] as const) assert.ok(v.columns[key].length, `${v.language}.columns.${key} is empty`);
  }
});

test('a trigger section headed in each language is read, with its triggers', () => {
  for (const [lang, h] of Object.entries(HEADINGS)) {
    for (const heading of h.triggers) {
      assert.ok(namesTriggers(normalizeTitle(heading)), `${lang}: "${heading}" names triggers`);
      const text = `# Runbook\n\n## ${heading}\n\n- 5xx > 5% for 2 min (budget 5 min)\n- p99 latency > 2 s for 5 min (budget 10 min)\n`;
      const model = buildRunbook('RUNBOOK.md', text);
      assert.equal(model.triggers.triggers.length, 2, `${lang}: triggers under "${heading}"`);
    }
    assert.ok(isRollbackTitle(normalizeTitle(h.procedure)), `${lang}: "${h.procedure}" is a rollback procedure`);
    assert.ok(!namesTriggers(normalizeTitle(h.procedure)), `${lang}: "${h.procedure}" is not a trigger section`);
    assert.ok(isTriggerLabel(h.label), `${lang}: "${h.label}" is a trigger label`);
    const labeled = `# Runbook\n\n**${h.label}**\n\n- 5xx > 5% for 2 min (budget 5 min)\n- checkout broken (manual check), budget 3 min\n`;
    assert.equal(buildRunbook('RUNBOOK.md', labeled).triggers.triggers.length, 2, `${lang}: triggers after the label "${h.label}"`);
  }
});

test('headings that only look like a trigger section are not one', () => {
  for (const heading of [
    'Decision',
    'Rollback Success Criteria',
    'Trigger Rollback via GitHub Actions',
    'Trigger a rollback',
    'When not to roll back',
    'Rollback Decision Authority',
    'Critères de succès du rollback',
    'Cuándo NO hacer rollback',
    'ロールバックしない場合',
  ]) {
    assert.ok(!namesTriggers(normalizeTitle(heading)), `"${heading}" is not a trigger section`);
  }
  const adr = '# ADR 12\n\n## Decision\n\n- We use Postgres for the queue\n- We keep the old worker for a month\n';
  assert.equal(buildRunbook('RUNBOOK.md', adr).triggers.triggers.length, 0, 'an ADR decision is not a trigger list');
});

test('a trigger table is recognised by its columns in other languages', () => {
  const text = '# Runbook\n\n## Critérios de rollback\n\n| Condição | Como detectar | Prazo |\n|---|---|---|\n| Erros 5xx > 5% por 2 min | Grafana | 5 min |\n';
  const t = buildRunbook('RUNBOOK.md', text).triggers.triggers;
  assert.equal(t.length, 1);
  assert.equal(t[0].budgetMinutes, 5);
  assert.equal(t[0].observed, 'Grafana');
});

test('data-corruption words and preference markers in the languages', () => {
  for (const s of ['Data corruption detected', 'Corrupción de datos', 'Perda de dados', 'Perte de données', 'Datenverlust', 'データ不整合', '데이터 손상', '数据丢失', '資料遺失', 'Mất dữ liệu', 'Потеря данных']) {
    assert.ok(MATCH.dataCorruption.test(s), s);
  }
  for (const s of ['Update the metadata', 'Deploy the dashboard']) assert.ok(!MATCH.dataCorruption.test(s), s);
  for (const s of ['(Preferred)', 'recomendado', 'préféré', '推奨', '권장', 'empfohlen']) assert.ok(MATCH.preferred.test(s), s);
});

test('an entry matches whole words in spaced scripts, inside text in the others', () => {
  const re = (e: string) => new RegExp(entrySource(e), 'iu');
  assert.ok(re('roll back').test('rollback') && re('roll back').test('roll-back') && re('roll back').test('roll back'));
  assert.ok(!re('revert').test('reverted'), 'whole word');
  assert.ok(re('critère*').test('critères'), 'trailing * lets the word go on');
  assert.ok(re('*kriterien').test('abbruchkriterien'), 'leading * lets it start inside a word');
  assert.ok(re('回滚').test('执行回滚操作'), 'no word boundaries in Chinese');
  assert.ok(!re('^trigger').test('when to trigger'), '^ ties the phrase to the start');
});

/** The triggers of a runbook whose only content is one lead-in and its list. */
function leadIn(lead: string, heading = '## Rollback criteria'): { name: string; budgetText?: string; budgetMinutes?: number }[] {
  return buildRunbook('/w/RUNBOOK.md', `# Runbook\n\n${heading}\n\n${lead}\n\n- Error rate above 5% on checkout\n- Login page returns 500\n`).triggers.triggers.map((t) => ({ name: t.name, budgetText: t.budgetText, budgetMinutes: t.budgetMinutes }));
}

test('a lead-in gives the list below it a budget; a window is not one, "immediately" is a budget RB004 reads', () => {
  for (const [lead, minutes] of [
    ['If any of these occur, roll back within 5 minutes:', 5],
    ['Si ocurre alguno de estos, revertir en 10 minutos:', 10],
    ['Se ocorrer qualquer um destes, fazer rollback em 15 minutos:', 15],
    ['以下の場合は10分以内にロールバック：', 10],
  ] as const) {
    const ts = leadIn(lead);
    assert.equal(ts.length, 2, lead);
    for (const t of ts) assert.equal(t.budgetMinutes, minutes, lead);
  }
  for (const lead of ['If any of these happen for 5 consecutive minutes:', 'Roll back or pause if any of these happen within the first 24 hours:', 'Si alguno de estos ocurre durante 5 minutos:', 'Wenn eines davon länger als 5 Minuten anhält:', '以下が5分間継続した場合：', '다음이 5분 이상 지속되면:', '以下情况持续5分钟：']) {
    for (const t of leadIn(lead)) assert.equal(t.budgetText, undefined, lead);
  }
  // Where the system rolls back by itself, the window is the time to the decision: nobody decides after it.
  for (const [lead, minutes] of [['Auto triggers (any sustained 30m):', 30], ['Rollback is triggered automatically if any of these occur for 10 consecutive minutes:', 10], ['Rollback automático se ocorrer por 5 minutos:', 5]] as const) {
    const ts = leadIn(lead);
    assert.ok(ts.length === 2 && ts.every((t) => t.budgetMinutes === minutes), `${lead}: ${JSON.stringify(ts)}`);
  }
  for (const lead of ['Roll back immediately if:', 'Revertir de inmediato si:', 'Iniciar rollback imediatamente se:', 'Sofort zurückrollen, wenn:', '以下の場合は即時ロールバック：']) {
    const ts = leadIn(lead);
    assert.ok(ts.length === 2 && ts.every((t) => t.budgetText && t.budgetMinutes === undefined), `${lead}: ${JSON.stringify(ts)}`);
  }
  // Under a heading that gives the minutes, "immediately" keeps them.
  for (const t of leadIn('Roll back immediately if:', '## Immediate rollback triggers (< 5 minutes decision)')) assert.equal(t.budgetMinutes, 5);
});

test("'Rollback decision' heads a trigger section in the languages", () => {
  const names = (heading: string) => buildRunbook('/w/RUNBOOK.md', `# Runbook\n\n${heading}\n\nCritères **objectifs** :\n\n- \`IoxBackendDown\` actif depuis > 2 min\n- Data loss potentiel détecté\n`).triggers.triggers.length;
  for (const h of ['## 0. Décision rollback', '## Decisión de rollback', '## Decisão de rollback', '## Decisione di rollback', '## Rollback-Entscheidung', '## Rollback beslissing', '## Rollback decision']) assert.equal(names(h), 2, h);
});

test('a list of the schema changes that need a database rollback is no trigger list, in the languages', () => {
  const names = (items: string) => buildRunbook('/w/RUNBOOK.md', `# Runbook rollback\n\n## Critères de rollback\n\n- 5xx > 5 % pendant 2 min, budget 5 min\n\n## 2. Rollback DB\n\n**Rollback DB OBLIGATOIRE si :**\n${items}\n`).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('- Colonne renommée / supprimée dans la migration\n- Type modifié de façon non-compatible\n- Enum réduit (valeur retirée)'), ['5xx > 5 % pendant 2 min']);
  assert.deepEqual(names('- Column renamed or dropped\n- Enum values removed'), ['5xx > 5 % pendant 2 min']);
  assert.equal(names('- Corruption de données\n- Violation d’intégrité référentielle').length, 3);
});

test('worked scenarios are triggers only under a heading that gives the time to decide', () => {
  const doc = (heading: string) => buildRunbook('/w/RUNBOOK.md', `# Rollback runbook\n\n${heading}\n\n### Scenario 1: Failed apply\n\n#### Symptoms\n\n- Terraform apply command failed\n- Resources partially created\n`).triggers.triggers;
  for (const h of ['## Specific Rollback Scenarios', '## Rollback-Szenarien', '## Cenários de rollback', '## ロールバックシナリオ']) assert.equal(doc(h).length, 0, h);
  assert.equal(doc('## Rollback scenarios (< 5 minutes decision)').length, 2);
});

test("'common rollback scenarios' in any language are worked examples, read when there is no trigger list; a step label on a lead-in's last line", () => {
  const names = (heading: string) =>
    buildRunbook('/w/RUNBOOK.md', `# 回滾指南\n\n${heading}\n\n#### 情境 A: 前台崩潰\n**症狀**: 使用者無法完成訂單\n**回滾步驟**:\n1. 立即禁用 feature flag\n2. 檢查是否為資料問題\n3. 如果需要，回滾到上一版\n`).triggers.triggers.map((t) => t.name);
  for (const h of ['### 常見回滾情境', '### Common rollback scenarios', '### Escenarios comunes de rollback', '### よくあるロールバックシナリオ']) assert.deepEqual(names(h), ['情境 A: 前台崩潰'], h);
  // Without the qualifier, scenarios are how the document is organised, not when to roll back.
  assert.deepEqual(names('### 回滾情境'), []);
});

test('a drill report written as prose: its commands, gaps and witness are read in its own language', () => {
  const rules = (body: string) => {
    const p = project({ 'RUNBOOK.md': '# Runbook\n\n## Rollback criteria\n\n- Smoke test fails, budget 5 min\n', 'library/raw/rollback-rehearsals/001.md': body });
    return new Set(p.lint('/w/library/raw/rollback-rehearsals/001.md').map((f) => f.ruleId));
  };
  const ja = rules('# ロールバック演習記録\n\n## 切替手順\n\n```sh\nkubectl rollout undo deploy/app\n```\n\n## 所見\n\n- タグが固定されていなかった\n\n参加者: 佐藤、鈴木\n');
  for (const id of ['RR009', 'RR010', 'RR013']) assert.ok(!ja.has(id), `ja: ${id}`);
  assert.ok(ja.has('RR002'));
  // The procedure with placeholders, nothing run, nobody named: what a tabletop leaves.
  const es = rules('# Simulación de rollback\n\n## Procedimiento\n\n```sh\nkubectl rollout undo deploy/<servicio>\ngit revert YOUR_COMMIT_SHA\n```\n\nSe ejecutó el paso `app-config.yaml` en la consola.\n');
  for (const id of ['RR009', 'RR010', 'RR013']) assert.ok(es.has(id), `es: ${id}`);
  const zh = rules('# 回滚演练记录\n\n## 执行环境\n\n- 本机\n\n```sh\ndocker compose up -d --force-recreate web\n```\n\n## 本地机制演练未覆盖事项\n\n- 真实流量\n');
  assert.ok(!zh.has('RR009') && !zh.has('RR010') && zh.has('RR013'), [...zh].join(','));
  // "доступ на запись" is write access, not a recording; "видеозапись созвона" is one.
  assert.ok(rules('# Учения по откату\n\nАртефакт нельзя возвращать с доступом на запись.\n').has('RR013'));
  assert.ok(!rules('# Учения по откату\n\nВидеозапись созвона: https://example.com/v/1\n').has('RR013'));
});

test('RB007: users reporting it is a way it is observed; complaints with no number are not', () => {
  const rb007 = (item: string) => findingsOf('RB007', `# Plan\n\n## Rollback triggers\n\n- ${item} (budget 5 min)\n`).length;
  for (const item of ['✅ Usuários reportando problemas', 'Users reporting checkout problems']) assert.equal(rb007(item), 0, item);
  for (const item of ['User complaints spike', 'Major user complaints']) assert.equal(rb007(item), 1, item);
});

test('RB007: how often, with no count, leaves even a concrete event vague', () => {
  const rb007 = (item: string) => findingsOf('RB007', `# Plan\n\n## Rollback triggers\n\n- ${item} (budget 5 min)\n`).length;
  for (const item of ['Memory leaks o crashes frecuentes del navegador', 'Exportación falla ocasionalmente', 'エラーが継続的に発生している', 'Checkout fails intermittently']) assert.equal(rb007(item), 1, item);
  // Words of mood in the languages: nothing to measure.
  for (const item of ['El sistema está inestable', 'Le site semble lent', 'Il sistema è instabile', 'Das System ist instabil', 'システムの様子がおかしい', '系统不稳定', 'Things look bad']) assert.equal(rb007(item), 1, item);
  // A failure event beside the mood, in any language, names what to check.
  for (const item of ['Sistema inestable: el login falla', 'Il sistema è instabile e il login non funziona']) assert.equal(rb007(item), 0, item);
  // "ON/OFF" is no mood word ("off"); an unreachable store is an event, however critical.
  for (const item of ['feature gating errato (ON/OFF non rispettato)', 'persistence non accessibile / errori DB critici']) assert.equal(rb007(item), 0, item);
  for (const item of ['Checkout fails 3 times in 10 minutes', 'Crashes frecuentes (> 5 por hora en Sentry)', 'Checkout page does not load']) assert.equal(rb007(item), 0, item);
});

test('RB007: a vague trigger whose examples in brackets mostly name what happens is measurable', () => {
  const rb007 = (item: string) => findingsOf('RB007', `# Plan\n\n## Rollback triggers\n\n- ${item}, budget 5 min\n`).length;
  assert.equal(rb007('Data integrity issue appears (lost event data, incorrect guest list mutations, duplicate critical writes)'), 0);
  assert.equal(rb007('Problemas de integridad de datos（eventos perdidos、invitados duplicados、pagos repetidos）'), 0);
  // Two examples, or examples as vague as the trigger, are not enough.
  assert.equal(rb007('Critical issue appears (major problems, serious degradation, critical errors)'), 1);
  assert.equal(rb007('Critical issue appears (lost data, failed writes)'), 1);
});

test('a severity legend answers the triggers tagged with its levels; untagged, its rollback levels are triggers', () => {
  const legend = '**Severity Levels:**\n\n- **P0 (Critical)**: Service completely down, immediate rollback required\n- **P1 (High)**: Major functionality broken, rollback within minutes\n- **P2 (Medium)**: Minor features broken, fix forward\n';
  const tree = '## When to roll back\n\n- Service completely down (P0)\n- Checkout broken for all users (P1)\n- Search slower than usual (P2)\n';
  const tagged = buildRunbook('/w/RUNBOOK.md', `# Rollback runbook\n\n${legend}\n${tree}`).triggers.triggers;
  assert.deepEqual(tagged.map((t) => [t.name, t.budgetText]), [['Service completely down (P0)', 'immediate rollback required'], ['Checkout broken for all users (P1)', 'rollback within minutes'], ['Search slower than usual (P2)', undefined]]);
  // One RB004 per legend entry, on the entry: no RB003 for the triggers it answers.
  const doc = `# Rollback runbook\n\n${legend}\n${tree}`;
  const lines = (rule: string) => findingsOf(rule, doc).map((f) => doc.slice(0, f.span.start).split('\n').length);
  assert.deepEqual(lines('RB004'), [5, 6]);
  assert.deepEqual(lines('RB003'), [13]);
  const criteria = '# Rollback criteria\n\n## Triggers\n\n- Crash-free sessions below 99% for 10 min, roll back within 5 min\n\n## Severity levels\n\n- **Sev 1 (Immediate rollback):** data loss, auth outage\n- **Sev 2 (Stop rollout + hotfix):** major feature failure\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', criteria).triggers.triggers.map((t) => [t.name, t.budgetText]).slice(1), [['data loss, auth outage', 'Immediate rollback']]);
  assert.equal(findingsOf('RB009', criteria).length, 1);
  assert.equal(findingsOf('RB004', criteria).length, 1);
});

test("with no list of its own, each rollback level's 'when to use' is its trigger, with the level's time", () => {
  const doc = "# Plan de Rollback\n\n## Niveaux de rollback\n\n### Niveau 1 — Rollback de routage (< 5 minutes)\n\n```bash\nkubectl rollout undo deploy/router\n```\n\n**Quand utiliser** : Taux d'erreur > 5%, latence anormale.\n\n### Niveau 3 — Rollback de schéma DB (< 30 minutes)\n\n**Prérequis** : un bloc `<rollback>` par changeset.  \n**Quand utiliser** : Migration de schéma causant des erreurs de données.\n";
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => [t.name, t.budgetMinutes]), [["Taux d'erreur > 5%, latence anormale", 5], ['Migration de schéma causant des erreurs de données', 30]]);
  assert.equal(findingsOf('RB009', doc).length, 1);
  // A method's "when to use" beside a trigger list is not one.
  const listed = '# Runbook\n\n## Rollback triggers\n\n- 5xx > 5% for 2 min (budget 5 min)\n\n## Level 1 rollback (< 5 minutes)\n\n**When to use**: the router misbehaves.\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', listed).triggers.triggers.map((t) => t.name), ['5xx > 5% for 2 min']);
});

test("a table of severity levels with a time column gives its level's time to the triggers tagged with it", () => {
  const doc = '# 上线监控\n\n### 严重级别定义\n\n| 级别 | 条件 | 响应时间 | 处理流程 |\n|------|------|----------|----------|\n| **P0-Critical** | P99>1s | 立即 | 立即回滚 |\n| **P1-High** | 5xx>1% | 15分钟 | 评估回滚 |\n\n### 回滚决策树\n\n```\n异常发生\n  ├─ 多个P1级告警 → 评估后回滚\n  ├─ 多个P0级告警 → 回滚\n  └─ 5xx错误率 > 5% → 回滚\n```\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => [t.name, t.budgetText]), [['多个P1级告警', '15分钟'], ['多个P0级告警', '立即'], ['5xx错误率 > 5%', undefined]]);
});

test('a deadline beside the fix attempt (\'not fixed the same day\', \'当日中の恒久修正が不可能\') is a budget that is no duration: RB004, not RB003', () => {
  for (const item of ['当日中の恒久修正が不可能', 'Issue not resolved the same day', 'Correção não resolvida no mesmo dia']) {
    const doc = `# Runbook\n\n## Rollback 条件\n\n- ${item}\n- API 5xx > 2% for 5 min, budget 5 min\n`;
    assert.equal(findingsOf('RB004', doc).length, 1, item);
    assert.equal(findingsOf('RB003', doc).length, 0, item);
  }
});

test("a budget the signal exceeds ('Latenz deutlich ueber Budget.') is no timer; 'Sofortentscheidung' is an immediate heading", () => {
  const doc = (heading: string) => `# Runbook\n\n## ${heading}\n\nRollback ausloesen bei:\n\n- Firestore Usage oder Latenz deutlich ueber Budget.\n- \`state_transition_failure\` im Week Loop.\n`;
  const triggers = buildRunbook('/w/RUNBOOK.md', doc('Rollback-Kriterien')).triggers.triggers;
  assert.deepEqual(triggers.map((t) => [t.name, t.budgetText]), [['Firestore Usage oder Latenz deutlich ueber Budget', undefined], ['state_transition_failure im Week Loop', undefined]]);
  assert.equal(findingsOf('RB004', doc('Sofortentscheidung')).length, 1);
  assert.equal(findingsOf('RB003', doc('Sofortentscheidung')).length, 0);
});

test("a label that states the document's objective with a duration ('**Obiettivo T1: < 30 minuti.**') is the default budget", () => {
  const doc = (label: string) => `# Rollback\n\n${label}\n\n## Quando fare rollback\n\n- error rate > 2% per 5 minuti consecutivi\n- login non funzionante\n`;
  for (const label of ['**Obiettivo T1: < 30 minuti.**', 'Objective: back on the previous release in < 30 min', '> **Objetivo:** < 30 minutos']) {
    assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc(label)).triggers.triggers.map((t) => t.budgetMinutes), [30, 30], label);
  }
  // A method's "**Target Time**: < 2 minutes" is how long it takes, and an objective without a duration gives none.
  for (const label of ['**Target Time**: < 2 minutes', '**Obiettivo:** tornare indietro presto']) assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc(label)).triggers.triggers.map((t) => t.budgetMinutes), [undefined, undefined], label);
});

test('RB007: a trigger that is a timer on the fix attempt is measured by the clock; a placeholder wait is RB004', () => {
  const ids = (item: string) => findingsOf('RB007', `# Plan\n\n## Criteri di rollback\n\n- ${item}\n`).length;
  assert.equal(ids('Errori critici non risolvibili in [N] ore'), 0);
  assert.equal(ids('Critical errors not resolved within 30 minutes'), 0);
  assert.equal(ids('Errori critici'), 1);
  assert.equal(findingsOf('RB004', '# Plan\n\n## Criteri di rollback\n\n- Errori critici non risolvibili in [N] ore\n').length, 1);
  // The minutes after "not resolved" are the budget, not a window.
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', '# Plan\n\n## Rollback criteria\n\n- Checkout errors not resolved within 30 minutes\n').triggers.triggers.map((t) => t.budgetMinutes), [30]);
});

test('RB007: a degree word beside a concrete event of a named thing is measurable; of a thing not named, vague', () => {
  const vague = (trigger: string) => findingsOf('RB007', `# Runbook\n\n## Rollback criteria\n\n- ${trigger}, budget 5 min\n`).length > 0;
  for (const t of ['Critical user data exposed', 'Authentification critique cassée', 'Vulnerabilidad crítica descubierta', '重大なセキュリティ脆弱性を検出']) assert.ok(!vague(t), t);
  for (const t of ['Critical feature completely broken', 'Fonctionnalités critiques cassées', 'Elevated error rate', 'Funcionalidade crítica quebrada']) assert.ok(vague(t), t);
  // Degree words of a thing not named, in the languages: 'minor', 'unacceptable', 'core', 'not as expected'.
  for (const t of ['Minor feature broken', 'Performance degradation detected', 'Performance inaccettabili', 'регрессия основных пользовательских сценариев', '功能不符預期']) assert.ok(vague(t), t);
  for (const t of ['Complete outage of the checkout API', 'Checkout page does not load']) assert.ok(!vague(t), t);
  // Errors that appear, what a detector flags, a named metric set: seen happen, whatever the degree word.
  for (const t of ['Any unexpected SQL errors appear', 'Drift detection flagged `major`', 'Core Web Vitals dégradés']) assert.ok(!vague(t), t);
  for (const t of ['Unexpected issues appear']) assert.ok(vague(t), t);
  // A threshold agreed but never written down, a rate that only rises: nothing to measure them by.
  for (const t of ['Surviving-region capacity exceeds the safe ceiling', 'Tasso errori runtime/PHP sopra soglia concordata', 'エラー率が上昇傾向にある', '錯誤率突然上升', 'Error rate trending upward']) assert.ok(vague(t), t);
  for (const t of ['Error rate rises above 5%', '錯誤率突然上升超過 5%']) assert.ok(!vague(t), t);
  // A risk is a judgement; a thing named after risk is not ("Risk denials stop firing").
  for (const t of ['データ損失のリスクがある', 'Risk of data loss', 'Rischio di regressioni', '迁移太慢']) assert.ok(vague(t), t);
  assert.ok(!vague('Risk denials stop firing'));
  // A bold label's detail can name what happens or which thing; a detail as vague as its label does not help.
  const labelled = (item: string) => findingsOf('RB007', `# Runbook\n\n## Rollback criteria\n\n- ${item}\n`).length > 0;
  for (const t of ['**Critical Security Issue** - RLS Policy Bypass entdeckt', '**Features críticas quebradas**: login, anamnese, ChatWell']) assert.ok(!labelled(t), t);
  for (const t of ['**Payment processing issues**: Revenue impact', '**Major Feature Broken**: New in this release? → Rollback']) assert.ok(labelled(t), t);
});

test('a document-wide rollback time is the default budget of the triggers that state none', () => {
  const budgets = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.budgetMinutes);
  const list = '## Rollback criteria\n\nRoll back immediately if:\n\n- Error rate above 5% on checkout\n- Login page returns 500\n';
  assert.deepEqual(budgets(`# Runbook\n\nRTO: 15 minutes.\n\n${list}`), [15, 15]);
  assert.deepEqual(budgets(`# Runbook\n\n**Objetivo de tempo de recuperação:** < 10 min\n\n${list}`), [10, 10]);
  assert.deepEqual(budgets(`# Runbook\n\n目標復旧時間: 30分\n\n${list}`), [30, 30]);
  // A goals table: its first recovery target, MTTR before RTO.
  assert.deepEqual(budgets(`# Runbook\n\n${list}\n## Metas\n\n| Métrica | Meta |\n|---|---|\n| **MTTR** (Mean Time To Recovery) | < 15 minutos |\n| **RTO** | < 30 minutos |\n`), [15, 15]);
  // A method's own estimate is no target, and a window is no budget.
  assert.deepEqual(budgets(`# Runbook\n\n${list}\n## Option A\n\nRecovery time: ~5 min\n`), [undefined, undefined]);
  assert.deepEqual(budgets(`# Runbook\n\nRTO is measured over 30 days.\n\n${list}`), [undefined, undefined]);
});

test('an RTO table gives its strictest value; prerequisites are no trigger section', () => {
  const budgets = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.budgetMinutes);
  const table = '### Rollback Time Objectives\n\n| Environment | RTO (Recovery Time Objective) | RPO |\n|---|---|---|\n| Staging | 5 minutes | 1 hour |\n| Production | 2 minutes | 5 minutes |\n';
  assert.deepEqual(budgets(`# Runbook\n\n## Khi nào cần Rollback\n\n- Error rate > 5%\n- Health check failed > 3 lần\n\n${table}`), [2, 2]);
  for (const h of ['## 回滚前提条件', '## Rollback prerequisites', '## Pré-requisitos do rollback', '## ロールバックの前提条件'])
    assert.equal(buildRunbook('/w/RUNBOOK.md', `# 回滚操作指南\n\n${h}\n\n- ✅ 当前版本二进制文件\n- ✅ 数据库数据备份\n`).triggers.triggers.length, 0, h);
});

test('RB008 reads a window in any language', () => {
  const noWindow = (trigger: string) => findingsOf('RB008', `# Runbook\n\n## Rollback criteria\n\n- ${trigger}, budget 5 min\n`).length > 0;
  for (const t of ['Error rate >5% trong 10 phút', 'Average latency > 10 seconds voor 10 minutes', 'Taxa de erro > 5% durante 10 minutos', 'エラー率が5%を超えて10分間継続']) assert.ok(!noWindow(t), t);
  for (const t of ['Error rate > 5%', 'Performance degradation > 50%']) assert.ok(noWindow(t), t);
  // A word that alone says the condition holds over time ("Latency P99 > 2000ms costantemente", it-pstt-tool).
  for (const t of ['Latency P99 > 2000ms costantemente', 'Latência > 500ms consistentemente', 'Error rate > 5% sustained', 'Fehlerrate > 5% anhaltend', 'Taxa de erro > 5% de forma sustentada', '错误率 > 5% 持续', 'Tỷ lệ lỗi > 5% liên tục']) assert.ok(!noWindow(t), t);
});

test("a rollback section's own 'when to use', and a scenario table with a condition column, are trigger lists", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('# Runbooks operacionales\n\n## RB-002: Rollback de Emergencia\n\n### Cuándo Ejecutar\n\n- Error 5xx en > 1% de requests\n- Funcionalidad crítica rota\n\n## RB-004: Backup\n'), ['Error 5xx en > 1% de requests', 'Funcionalidad crítica rota']);
  // "When to activate" the plan, under a rollback plan's title (pt-crm-propulse).
  assert.deepEqual(names('# Plano de Rollback & Resposta a Incidentes\n\n## 🚨 Sinais de Alerta (Quando ativar)\n\n1. **Erros 500 em pico**: passarem de 5% das requests.\n2. **Webhooks Quebrados**: Z-API recebe 5xx.\n\n## Estratégia de Rollback\n'), ['Erros 500 em pico', 'Webhooks Quebrados']);
  // A method's own "when to use" is not: there are several methods.
  assert.deepEqual(names('# Playbook\n\n## 1. Application Rollback\n\n### Khi nào sử dụng?\n\n- Deploy mới gây lỗi\n- Bug được phát hiện\n\n## 2. Docker Image Rollback\n\n### Khi nào sử dụng?\n\n- Cần deploy một version cụ thể\n- Staging slot đã bị ghi đè\n'), []);
  assert.equal(names('# Plan de reversa\n\n### 2. Escenarios de reversa\n\n| Escenario | Criterio de activación | Acción |\n|---|---|---|\n| Error crítico en producción | caída / pérdida función crítica | Ejecutar rollback |\n').length, 1);
  // Scenarios answered by other means (call the customer, go back to paper) are a response plan, not triggers.
  assert.equal(names('# 本番ロールバック判断基準\n\n## 2. ロールバック発動基準\n\n- ログイン不可が 30 分継続\n\n## 5A. 切替当日の障害シナリオ別対応\n\n| 障害状況 | 第一対応 | 並行対応 |\n|---|---|---|\n| デプロイ直後にログイン不可 | 紙運用に戻すよう電話連絡 | コードのバグ修正 + 再デプロイ |\n| 写真アップロード不可 | 写真機能を使わずに続けるよう連絡 | 該当機能のみ調査・修正 |\n').length, 1);
});

test('RB011 reads numbered paths in the languages: several, none marked primary', () => {
  const rb011 = (doc: string) => findingsOf('RB011', doc).length > 0;
  const doc = (a: string, b: string) => `# Runbook\n\n## 回滚步骤\n\n### ${a}\n\n\`\`\`sh\nargocd app rollback app\n\`\`\`\n\n### ${b}\n\n\`\`\`sh\nkubectl rollout undo deploy/app\n\`\`\`\n`;
  for (const [a, b] of [['方法 1: ArgoCD', '方法 2: kubectl'], ['方案A', '方案B'], ['Opção A: Redeploy', 'Opção B: Git revert'], ['Вариант A: скрипт', 'Вариант B: вручную']]) assert.ok(rb011(doc(a, b)), a);
  assert.ok(!rb011(doc('方法 1: ArgoCD（推荐）', '方法 2: kubectl')));
  // Bold labels in a step, not headings ("**Opción A: Git Checkout al Tag Anterior**", es-bubu).
  const bold = (a: string, b: string) => `# Plan\n\n## Procedimiento de Rollback\n\n### Paso 4: Revertir Código\n\n**${a}**\n\n\`\`\`bash\ngit checkout v1.2.0\n\`\`\`\n\n**${b}**\n\n\`\`\`bash\nkubectl rollout undo deploy/app\n\`\`\`\n`;
  for (const [a, b] of [['Opción A: Git Checkout al Tag Anterior', 'Opción B: kubectl'], ['方案A：切换分支', '方案B：kubectl'], ['방법 1: 태그 체크아웃', '방법 2: kubectl']]) assert.ok(rb011(bold(a, b)), a);
  assert.ok(!rb011(bold('Opción A: Git Checkout (Recomendado)', 'Opción B: kubectl')));
  // Sibling headings that say how ("Rollback via Vercel Dashboard" / "Rollback via Vercel CLI", "### Via Dashboard" / "### Via CLI").
  for (const [a, b] of [['5.1 Rollback via Vercel Dashboard', '5.2 Rollback via Vercel CLI'], ['Via Dashboard', 'Via CLI'], ['通过控制台回滚', '通过 CLI 回滚'], ['Откат через docker-compose', 'Откат через скрипт']]) assert.ok(rb011(doc(a, b)), a);
  assert.ok(!rb011(doc('Откат через docker-compose', 'Откат через скрипт (РЕКОМЕНДУЕТСЯ)')));
});

test('RB012: when every path is a console click or git revert, in any language', () => {
  const rb012 = (doc: string) => findingsOf('RB012', doc).length > 0;
  assert.ok(rb012('# Runbook\n\n## Rollback\n\n### Option A: Play Console\n\nClick "Halt rollout" in the Play Console.\n\n### Option B: App Store Connect\n\nRemove the build from sale in App Store Connect.\n'));
  assert.ok(rb012('# Runbook\n\n## ロールバック\n\n管理画面で前のデプロイを選び「ロールバック」を押下する。\n'));
  assert.ok(!rb012('# Runbook\n\n## Rollback\n\n### Option A: pipeline\n\nRe-run the deploy pipeline with the previous image tag.\n\n### Option B: console\n\nClick "Rollback" in the console.\n'));
});

test("a heading that usually heads triggers ('### Immediate Rollback') over steps is the rollback procedure", () => {
  const doc = (list: string) => `# Plan\n\n## Emergency Procedures\n\n### Immediate Rollback\n\n${list}\n\n### Data Recovery\n\n1. Stop: Pause all write operations\n2. Restore: From last known good state\n`;
  const steps = doc('1. Execute: `npm run deploy:rollback`\n2. Verify: Health checks passing\n3. Notify: Stakeholders via Slack');
  assert.equal(findingsOf('RB010', steps).length, 0);
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', steps).rollback.sections.map((s) => s.title), ['immediate rollback', 'data recovery']);
  // Over conditions it stays a trigger list.
  const triggers = doc('- Error rate > 5% for 5 minutes\n- Checkout fails');
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', triggers).rollback.sections.map((s) => s.title), ['data recovery']);
  assert.equal(buildRunbook('/w/RUNBOOK.md', triggers).triggers.triggers.length, 2);
});

test('RB012: a store console named only in sub-headings, a revert told in prose, a click that ends with a revert commit', () => {
  const rb012 = (doc: string) => findingsOf('RB012', doc).length;
  assert.equal(rb012('# Runbook\n\n## Rollback actions\n\n### App Store (iOS)\n\n- Stop phased release\n\n### Google Play (Android)\n\n- Halt staged rollout immediately\n'), 1);
  const paths = (b: string) => `# Rolling back\n\n## Option A: via GitHub\n\n1. Create a new branch\n2. [Revert the commit](https://git-scm.com/docs/git-revert)\n3. Merge the PR\n\n## Option B: ${b}\n`;
  assert.equal(rb012(paths('via Cloudflare Dash\n\n1. Click `Rollback to v...`\n2. Make a revert commit to reflect the change in Git')), 1);
  assert.equal(rb012(paths('브라우저\n\n1. 대시보드에서 이전 배포를 선택')), 1);
  assert.equal(rb012(paths('pipeline\n\n1. Re-run the deploy pipeline with the previous image tag')), 0);
});

test('RB019: a schema reversal before traffic is stopped, in the languages; warnings and labels are no steps', () => {
  const rb019 = (steps: string) => inProcedure('RB019', steps).length;
  for (const s of ['```sql\nALTER TABLE users DROP COLUMN avatar_url;\n```', '1. Run `npm run migrate:rollback`', '1. 마이그레이션 롤백: `npm run migrate:down`', '1. 回滚迁移：执行 `make migrate-down`']) assert.equal(rb019(s), 1, s);
  for (const s of ['- ❌ DROP TABLE ❌ DROP COLUMN', '1. Enable maintenance mode\n2. `ALTER TABLE users DROP COLUMN avatar_url;`', '**Option A: Down Migration (Preferred)**', '- ✅ 回滚应用 ≠ 回滚数据库',
    // Prisma's `migrate resolve --rolled-back` only marks a failed migration in its history table: it runs no SQL.
    '1. Run `npx prisma migrate resolve --rolled-back 2026_add_avatar`',
    // A script's comment names the step; an overview table sums paths up; a decision tree asks and branches.
    '```bash\n# 3. Manually reverse migration\n```', '| Failure | Path |\n|---|---|\n| Migration broke queries | Rollback migration |',
    '```\nIs down migration available?\n├── Yes → Run down migration + app rollback (15 min)\n```',
    // Stages of one sequence: traffic stopped in step 1 covers step 3.
    '#### Step 1: Stop New Traffic\n\n```bash\nvercel env add MAINTENANCE_MODE true\n```\n\n#### Step 3: Rollback Database Migration\n\n```bash\nnpm run migrate:rollback\n```',
  ]) assert.equal(rb019(s), 0, s);
  // A sibling path is not a stage: traffic stopped in "Option B" does not cover "Option A".
  assert.equal(rb019('### Option B: Restore\n\n1. Enable maintenance mode\n\n### Option A: Down migration\n\n1. `npm run migrate:rollback`'), 1);
  // A command continued over lines ("liquibase \\" … "rollback-to-tag v1.0") is one step, reported once, where it starts.
  const continued = '```bash\nliquibase \\\n  --url=jdbc:postgresql://db:5432/app \\\n  rollback-to-tag v1.0\n\n# Ou\nliquibase rollbackCount 1\n```';
  const found = inProcedure('RB019', continued);
  assert.equal(found.length, 1);
  assert.ok(found[0].span.start < found[0].span.end);
  assert.equal(rb019('1. Enable maintenance mode\n2. `liquibase rollbackCount 1`'), 0);
});

test('RB019: SQL shown as an example, or under a heading that writes it, runs nothing; the step that runs it is judged', () => {
  const at = (doc: string) => findingsOf('RB019', doc).map((f) => doc.slice(f.span.start, f.span.end).trim());
  for (const lead of ['例:', '**Example:**', 'Ejemplo:', '예시:']) {
    assert.deepEqual(at(`# Runbook\n\n## Migration ロールバック\n\n1. 新しい fix migration を作成\n\n${lead}\n\n\`\`\`sql\nALTER TABLE t DROP COLUMN c;\n\`\`\`\n`), [], lead);
  }
  const written = '# Runbook\n\n## 방법 4: 수동 롤백\n\n### 4-2. 역순 SQL 작성\n\n```sql\nALTER TABLE "User" DROP COLUMN "profileUrl";\n```\n\n### 4-3. Production DB에 직접 실행\n\n```bash\npsql $DATABASE_URL << \'SQL\'\nALTER TABLE "User" DROP COLUMN IF EXISTS "profileUrl";\nSQL\n```\n';
  assert.deepEqual(at(written), ['ALTER TABLE "User" DROP COLUMN IF EXISTS "profileUrl";']);
  // A lead-in that says more than an example word introduces the step itself.
  assert.equal(at('# Runbook\n\n## Rollback\n\nRun this on production:\n\n```sql\nALTER TABLE t DROP COLUMN c;\n```\n').length, 1);
});

test("RB019: risk scenarios, background and examples are advice; a block that opens with its file's name is that file's content", () => {
  const rb019 = (heading: string, sql = 'ALTER TABLE feedback DROP COLUMN legacy_field;') =>
    findingsOf('RB019', `# 데이터베이스 롤백 전략 가이드\n\n## 롤백 절차\n\n${heading}\n\n\`\`\`sql\n${sql}\n\`\`\`\n`).length;
  for (const h of ['### 위험 시나리오', '### Background', '#### 예제: status 컬럼 타입 변경', '### Risks', '### Riesgos']) assert.equal(rb019(h), 0, h);
  assert.equal(rb019('### Flyway 롤백 (Undo)', '-- U4__Undo_add_status_code.sql\nALTER TABLE feedback DROP COLUMN status_code;'), 0);
  assert.equal(rb019('### Flyway 롤백 (Undo)'), 1);
});

test('RB019: a comment that names the reversal is judged on the command on its next line, unless that only writes a file or opens a session', () => {
  const at = (script: string) => {
    const doc = `# Runbook\n\n## Rollback procedure\n\n\`\`\`bash\n${script}\n\`\`\`\n`;
    return findingsOf('RB019', doc).map((f) => doc.slice(f.span.start, f.span.end));
  };
  assert.deepEqual(at('# 2. Manually revert schema changes\npsql "$DATABASE_URL" -f down.sql'), ['psql "$DATABASE_URL" -f down.sql']);
  assert.deepEqual(at('# 3. Manually reverse migration\n# Create down migration file\nnpm run db:generate -- --name revert_feature'), []);
  assert.deepEqual(at('# 4. Manually revert schema changes\nflyctl postgres connect --app db\n\n-- Drop tables created by migration\nDROP TABLE IF EXISTS new_table CASCADE;'), ['DROP TABLE IF EXISTS new_table CASCADE;']);
});

test("RB019: what code writes, stores or tests is no step: a heredoc into a file, a SQL string, a file test, a warning's illustration", () => {
  const at = (body: string) => {
    const doc = `# Runbook\n\n## Rollback procedure\n\n${body}\n`;
    return findingsOf('RB019', doc).map((f) => doc.slice(f.span.start, f.span.end));
  };
  const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;
  assert.deepEqual(at(fence('bash', "cat > migrations/9_revert/migration.sql << 'SQL'\nALTER TABLE t DROP COLUMN c;\nSQL\nnpx prisma migrate resolve --applied 9_revert")), []);
  // Fed to the database client, the same heredoc runs.
  assert.deepEqual(at(fence('bash', "psql $DATABASE_URL << 'SQL'\nALTER TABLE t DROP COLUMN c;\nSQL")), ['ALTER TABLE t DROP COLUMN c;']);
  assert.deepEqual(at(fence('sql', "INSERT INTO schema_versions (version, rollback_sql)\nVALUES ('2.5.0',\n    'ALTER TABLE t DROP COLUMN c;',\n    SHA2('ALTER TABLE t DROP COLUMN c;', 256));")), []);
  assert.deepEqual(at(fence('bash', 'if [ -f "$PREV/rollback.sql" ]; then\n    mysql $DB < "$PREV/rollback.sql"\nfi')), ['    mysql $DB < "$PREV/rollback.sql"']);
  assert.deepEqual(at(`5. **❌ 在迁移中删除表/列（无 Expand/Contract）**\n   ${fence('sql', '   -- 禁止！\n   DROP TABLE old_table;')}`), []);
});

test("a verdict table under any heading of a 'decision matrix' document is its trigger table; 'How to roll back' is never a trigger", () => {
  const doc = '# Rollback decision matrix\n\nExecute, don\'t debate.\n\n## Decide in one row\n\n| # | Signal | Verdict | Action |\n| --- | --- | --- | --- |\n| 1 | `/up` non-200 on any poll | **ROLL BACK** | Contain |\n| 2 | `queue.pending >= 100` | **ROLL BACK** | Same as 1 |\n| 3 | `queue.pending 20–99` | **HOLD** | Keep polling |\n\n## Who decides\n\n1. **Watcher**: polls.\n\n## How to roll back\n\n- **Worker (primary):** Actions → `rollback-production` → Run workflow\n';
  const m = buildRunbook('/w/RUNBOOK.md', doc);
  assert.deepEqual(m.triggers.triggers.map((t) => t.name).slice(0, 2), ['/up non-200 on any poll', 'queue.pending >= 100']);
  assert.ok(!m.triggers.triggers.some((t) => /roll back|decide/i.test(t.name)));
  assert.equal(findingsOf('RB002', doc).length, 1);
});

test("a word budget ('sofort zurück') takes the minutes of the rollback section that answers it", () => {
  const doc = '# Runbook\n\n## Rollback-Kriterien (sofort zurück bei JEDEM davon)\n\n- `https://llm.example.de/v1/healthz` ≠ 200 nach Cutover\n- TLS-Fehler auf llm.example.de\n\n## ROLLBACK-BEFEHL (ein Schritt, <10 min)\n\n```bash\nssh host docker compose up -d\n```\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.budgetMinutes), [10, 10]);
  assert.equal(findingsOf('RB004', doc).length, 0);
  // Without a rollback section that gives the time, the word stays RB004's.
  assert.equal(findingsOf('RB004', doc.replace(' (ein Schritt, <10 min)', '')).length, 1);
});

test('worked scenarios that are only a script or a config are how-tos, not triggers', () => {
  const names = (body: string) => buildRunbook('/w/RUNBOOK.md', `# Feature flags\n\n## Rollback Plan\n\nIf issues detected:\n- [ ] Immediately revert flag\n\n## Common Scenarios\n\n${body}\n`).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('### Enable Blockchain\n\n```bash\nFEATURES__BlockchainEnabled=true\n```\n\n### Disable Rate Limiting (Emergency)\n\n```bash\nFEATURES__RateLimitEnabled=false\n```'), []);
  assert.deepEqual(names('### Checkout errors after deploy\n\nSymptoms: 5xx on /checkout.\n\n```bash\nkubectl rollout undo deploy/web\n```'), ['Checkout errors after deploy']);
});

test("RB008 on a drawn trigger points at the branch that holds the threshold, not at the trigger's name", () => {
  const doc = '# Rollback runbook\n\n## Decision Tree: When to Rollback\n\n```\nIssue Detected\n    ├─► Performance Degraded (P2)\n    │       ├─► >50% degradation? → Consider rollback\n    │       └─► <50% degradation? → Investigate first\n```\n';
  const found = findingsOf('RB008', doc);
  assert.equal(found.length, 1);
  assert.match(doc.slice(found[0].span.start, found[0].span.end), /^>50% degradation\?/);
});

test('numbered criteria labels in a code block are triggers, the lines indented under each its details', () => {
  const doc = (lines: string) => `# Rollback\n\n## Critérios de Ativação de Rollback\n\n### Rollback IMEDIATO (< 5 min decisão)\n\n\`\`\`\n${lines}\n\`\`\`\n`;
  const triggers = buildRunbook('/w/RUNBOOK.md', doc('Qualquer um destes dispara rollback:\n\n❌ CRITÉRIO 1: F2.3 error rate > 5%\n   • Detecta: automaticamente via alerts\n   • Ação: ROLLBACK IMEDIATO\n\n❌ CRITÉRIO 2: Security incident (XSS, token theft)\n   • Detecta: CSP violation alert')).triggers.triggers;
  assert.deepEqual(triggers.map((t) => [t.name, t.budgetMinutes]), [['F2.3 error rate > 5%', 5], ['Security incident (XSS, token theft)', 5]]);
  assert.match(triggers[0].fullText, /Detecta: automaticamente via alerts/);
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc('Trigger 1: checkout 5xx > 2% for 5 min\nTrigger 2: p95 > 800ms for 10 min')).triggers.triggers.map((t) => t.name), ['checkout 5xx > 2% for 5 min', 'p95 > 800ms for 10 min']);
  // One labelled line is no drawing.
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc('Trigger 1: checkout 5xx > 2% for 5 min')).triggers.triggers.map((t) => t.name).filter((n) => n.startsWith('checkout')), []);
});

test('criteria drawn in a code block: group lines give budgets, branches are triggers, a no-rollback group or answer is none', () => {
  const box = [
    '# Agent', '', '## Quand Faire un Rollback ?', '', '```', '┌──────────────────────────────┐', '│     CRITÈRES DE ROLLBACK     │', '├──────────────────────────────┤',
    '│  🔴 ROLLBACK IMMÉDIAT (< 5 min)  │', '│  └── Error rate > 5%          │', '│  └── Données corrompues       │', '│                              │',
    '│  🟡 ROLLBACK RAPIDE (< 30 min)   │', '│  └── Fonctionnalité critique cassée │', '│                              │',
    '│  🟢 ÉVALUER / HOTFIX             │', '│  └── Bug mineur non bloquant  │', '└──────────────────────────────┘', '```', '',
  ].join('\n');
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', box).triggers.triggers.map((t) => [t.name, t.budgetMinutes]), [['Error rate > 5%', 5], ['Données corrompues', 5], ['Fonctionnalité critique cassée', 30]]);
  const ids = project({ 'RUNBOOK.md': box }).lint('/w/RUNBOOK.md').map((f) => f.ruleId);
  for (const id of ['RB005', 'RB008', 'RB009']) assert.ok(ids.includes(id), `${id} in ${ids.join(' ')}`);
  assert.ok(!ids.includes('RB001'), ids.join(' '));
  const tree = '# Runbook\n\n## Decision Tree: When to Rollback\n\n```\nIssue Detected\n    │\n    ├─► Service Completely Down (P0)\n    │       └─► Immediate Rollback (Section 1)\n    │\n    ├─► Major Feature Broken (P1)\n    │       ├─► New in this release? → Rollback (Section 2)\n    │       └─► Pre-existing? → Investigate, don\'t rollback\n    │\n    └─► Minor Issues\n            └─► Fix forward (don\'t rollback)\n```\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', tree).triggers.triggers.map((t) => t.name), ['Service Completely Down (P0)', 'Major Feature Broken (P1)']);
  // A question's branches are its answers; a directory tree or a script in a trigger section holds none.
  for (const body of ['```\nIs it critical? (P0/P1)\n├── No → Fix forward\n└── Yes ↓\n```', '```bash\n├── a\n└── b\n```', '```\nreleases/\n├── 20231020/  # current\n```']) {
    assert.deepEqual(buildRunbook('/w/RUNBOOK.md', `# Runbook\n\n## Rollback decision tree\n\n${body}\n`).triggers.triggers.map((t) => t.name), [], body);
  }
});

test('RB008 reads rates and comparison words in the languages', () => {
  const rb008 = (item: string) => findingsOf('RB008', `# Runbook\n\n## Rollback criteria\n\n- ${item} (budget 5 min)\n`).length;
  for (const item of ["Taux d'erreur > 5% dans Sentry", 'Incremento del p95 superior a 2 segundos', 'Taxa de erro 5xx > 10%', '错误率 > 5%', 'エラー率が5%以上', 'Crash-free sessions drop below 99.0%', 'Время ответа более 3 с']) assert.equal(rb008(item), 1, item);
  for (const item of ["Taux d'erreur > 5% pendant 10 minutes", 'Latencia p95 superior a 2 segundos durante 5 minutos', 'Taxa de erro > 10% por 5 minutos', 'Bug visuel sur la page']) assert.equal(rb008(item), 0, item);
});

test('RB008: a percentage of failing requests is a rate; a share of users is a scope; "for more than 2%" is no window', () => {
  const rb008 = (item: string) => findingsOf('RB008', `# Runbook\n\n## Rollback criteria\n\n- ${item} (budget 5 min)\n`).length;
  for (const item of ['Failed transactions > 0.1%', 'RSVP submissions fail for more than 2% of attempts', 'Fallos en procesamiento de pagos superiores al 5% de las transacciones', 'Échecs de paiement > 2%', '결제 실패 5% 이상']) assert.equal(rb008(item), 1, item);
  for (const item of ['Lỗi nghiêm trọng ảnh hưởng > 50% người dùng', 'Falha afetando > 10% dos usuários', '> 10% Features broken', 'Failed transactions > 0.1% for 5 minutes', 'Incremento sostenido (>5 minutos) del ratio de errores por encima del SLO + 2%']) assert.equal(rb008(item), 0, item);
});

test('RB008 in a trigger table: a threshold column holds the threshold, any cell the window; a count per minute is its own window', () => {
  const rows = (lines: string[]) => {
    const doc = `# Rollback\n\n## Метрики для принятия решения об откате\n\n| Метрика | Порог для рассмотрения отката | Действие |\n|---|---|---|\n${lines.join('\n')}\n`;
    return findingsOf('RB008', doc).map((f) => doc.slice(f.span.start, f.span.end));
  };
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', '# R\n\n## Метрики для принятия решения об откате\n\n| Метрика | Порог |\n|---|---|\n| P95 latency | > 3s |\n').triggers.triggers.map((t) => [t.name, t.threshold]), [['P95 latency', '> 3s']]);
  assert.deepEqual(rows(['| Error rate (5xx) | > 3% | Откат |', '| P95 latency | > 3s | Откат |']), ['Error rate (5xx)', 'P95 latency']);
  assert.deepEqual(rows(['| Database errors | > 10/min | Откат |', '| Health check failures | > 2 за 5 минут | Откат |', '| P95 延遲 | > 1000ms | 監控 30 分鐘 |']), []);
  // Per second is no window: one bad second flaps.
  assert.deepEqual(rows(['| Error rate | > 50/s | Откат |']), ['Error rate']);
});

test("trigger labels: 'Consider rollback if:', a group named by its rollback answer; a path or a recommended way is none", () => {
  for (const l of ['Consider rollback if:', '**Critical Issues (Immediate Rollback)**:', 'High Issues (Evaluate Rollback):']) assert.ok(isTriggerLabel(l), l);
  for (const l of ['Medium Issues (Consider Hotfix Instead):', 'Option A (rollback):', 'Via Dashboard (Recommended - Instant Rollback):', 'Step 2 (Rollback):']) assert.ok(!isTriggerLabel(l), l);
  // A sentence that says what triggers the rollback: "The system automatically triggers rollbacks when:".
  for (const l of ['The system automatically triggers rollbacks when:', 'Rollback is triggered automatically when:']) assert.ok(isTriggerLabel(l), l);
  for (const l of ['Rollback is COMPLETE when:', 'Use manual rollback when:', 'Rollback database if:', 'Run the rollback script if:']) assert.ok(!isTriggerLabel(l), l);
  const m = buildRunbook('/w/RUNBOOK.md', '# Runbook\n\n## Rollback\n\n**Via Dashboard:**\n\n1. Go to the dashboard\n2. Select the project\n3. Click "Instant Rollback"\n');
  assert.deepEqual(m.triggers.triggers.map((t) => t.name), []);
});

test("a document's decision time before its rollback word (ja), not a stage's; 'failure indicators' name triggers", () => {
  const budgets = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => [t.name, t.budgetMinutes]);
  assert.deepEqual(budgets('# 手順\n\n1. **迅速性**: 問題検知から15分以内にロールバック判断\n\n## ロールバックトリガー\n\n- 重大なバグの発見\n'), [['重大なバグの発見', 15]]);
  assert.deepEqual(budgets('# 手順\n\n## ロールバックトリガー\n\n- 重大なバグの発見\n\n### Phase 2: ロールバック判断（10分以内）\n\n手順\n'), [['重大なバグの発見', undefined]]);
  assert.deepEqual(budgets('# Plan\n\n## Failure Indicators - ROLLBACK IMMEDIATELY\n\n- Tasks repeatedly fail health checks\n').map(([n]) => n), ['Tasks repeatedly fail health checks']);
});

test('RB011: paths that each say when to take them are an order, not a choice', () => {
  const rb011 = (doc: string) => findingsOf('RB011', doc).length;
  const doc = (b: string, c: string) => `# Runbook\n\n## Rollback\n\n### Method 1: ECS service update\n\n\`\`\`sh\naws ecs update-service --force-new-deployment\n\`\`\`\n\n### Method 2: ${b}\n\n\`\`\`sh\naws ecs register-task-definition\n\`\`\`\n\n### Method 3: Re-deploy\n\n${c}\n\n\`\`\`sh\ngh workflow run deploy.yml\n\`\`\`\n`;
  assert.equal(rb011(doc('Manual task definition (if Method 1 fails)', '**When to use**: If both Method 1 and 2 fail')), 0);
  assert.equal(rb011(doc('Manual task definition', 'Re-run the deploy workflow with the previous tag.')), 1);
  assert.equal(rb011(doc('Manual task definition (nếu Method 1 lỗi)', '**Dùng khi:** cả hai cách trên đều lỗi')), 0);
});

test('RB011: paths a script names in its comments ("# 方案A：…", "# Option B: …") are a choice of their own', () => {
  const doc = (a: string, b: string) => `# 回滚方案\n\n## 快速回滚流程\n\n\`\`\`bash\n# 停止服务\ndocker-compose down\n\`\`\`\n\n\`\`\`bash\n# ${a}\ngit checkout jdk8-backup-branch\n\n# ${b}\ncp -r /backup/jeepay-jdk8/* /data/workspace/jeepay/\n\`\`\`\n`;
  assert.equal(findingsOf('RB011', doc('方案A：使用Git分支切换', '方案B：使用备份文件')).length, 1);
  assert.equal(findingsOf('RB011', doc('Option A: git branch', 'Option B: backup copy')).length, 1);
  assert.equal(findingsOf('RB011', doc('方法 A: 使用新 tag（推荐）', '方法 B: 重新使用原 tag')).length, 0);
  // The script's own comments that name no path leave the one unlabelled path.
  assert.equal(findingsOf('RB011', doc('使用Git分支切换', '使用备份文件')).length, 0);
});

test('RB011: recovery options under a heading that is a condition ("If Rollback Fails") are no choice of the primary path', () => {
  const rb011 = (heading: string) =>
    findingsOf('RB011', `# Migration rollback\n\n## Rollback procedure\n\nRun \`make db-rollback\`.\n\n## Recovery\n\n${heading}\n\n1. **Option A:** Fix data first, then roll back\n2. **Option B:** Restore from backup (safer)\n`).length;
  for (const h of ['### If Rollback Fails', '### Si el rollback falla', '### 回滚失败时']) assert.equal(rb011(h), 0, h);
  assert.equal(rb011('### Recovery options'), 1);
});

test('RB011: paths for different environments or plans, and paths a which-path guide names, are chosen already', () => {
  const rb011 = (doc: string) => findingsOf('RB011', doc).length;
  const paths = (a: string, b: string, tail = '') => `# Runbook\n\n## Rollback\n\n**Option A: ${a}**\n\n\`\`\`sh\ngit checkout v1.2.2\n\`\`\`\n\n**Option B: ${b}**\n\n\`\`\`sh\ndocker compose up -d app:v1.2.2\n\`\`\`\n${tail}`;
  assert.equal(rb011(paths('Git-based rollback (staging)', 'Image-based rollback (production)')), 0);
  assert.equal(rb011(paths('Point-in-Time Recovery (Pro Plan)', 'Daily Backup (Free Plan)')), 0);
  assert.equal(rb011(paths('restauração (homologação)', 'imagem anterior (produção)')), 0);
  // The same environment in both labels is still a choice.
  assert.equal(rb011(paths('Git (production)', 'Image (production)')), 1);
  assert.equal(rb011(paths('Git', 'Image')), 1);
  for (const guide of ['## Qual Opção Usar?\n\n- Código: → Option A\n- Infra: → Option B\n', '## Which option to use\n\nIf only code changed, Option A; if the image is bad, Option B.\n', '## 使い分け\n\n- 通常は Option A、イメージ不良は Option B\n']) {
    assert.equal(rb011(paths('Git', 'Image', `\n${guide}`)), 0, guide);
  }
  // A guide that names only one leaves the other open.
  assert.equal(rb011(paths('Git', 'Image', '\n## Which option to use\n\nOption A when in doubt.\n')), 1);
  assert.equal(rb011(paths('Git', 'Image', '\n## Which option to use\n\nAsk the on-call lead.\n')), 1);
});

test("steps after a 'rollback steps' label, a sentence over a list, 'do X if Y' are no triggers", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('# 回滾\n\n## 回滾條件\n\n**回滾步驟**:\n1. 啟用 API 快取\n2. 暫時禁用 `apiEnabled`\n3. 優化查詢邏輯\n'), []);
  assert.deepEqual(names('# 部署\n\n### 回滾操作\n\n如果生產環境發生嚴重問題，可以使用以下方式回滾至上一個穩定版本。\n\n1. **GitHub Actions 手動觸發**\n2. **命令列回滾**\n'), []);
  assert.deepEqual(names('# Plano\n\nCritério de rollback:\n\n- a listagem de OS não carregar para a gerência\n- revisar `js/a.js` se o campo Local aparecer vazio\n'), ['a listagem de OS não carregar para a gerência']);
  assert.deepEqual(names('# Plan\n\n## Rollback criteria\n\n- Review confidence is low (unclear if code is correct)\n'), ['Review confidence is low (unclear if code is correct)']);
});

test('RB019: a rollback checklist is the procedure; an item that says the reversal is ready runs nothing', () => {
  const rb019 = (doc: string) => findingsOf('RB019', doc).map((f) => doc.slice(f.span.start, f.span.end));
  assert.deepEqual(rb019('# Playbook\n\n## ROLLBACK CHECKLIST\n\n### Execution\n\n```bash\ndocker compose exec api alembic downgrade -1\n```\n'), ['docker compose exec api alembic downgrade -1']);
  assert.deepEqual(rb019('# Checklist\n\n## Rollback Execution\n\n- [ ] **Migration rollback script ready**: Down migration tested\n- [ ] **Execute down migration**: Revert schema changes\n'), ['[ ] **Execute down migration**: Revert schema changes']);
});

test("RB019: a '.down' migration applied, a script's comment that names the reversal over an echo", () => {
  const rb019 = (body: string) => inProcedure('RB019', body).map((f) => f.span);
  assert.equal(rb019('```\nMCP apply_migration(name: "174_tighten_rls.down",\n  query: <174_tighten_rls.down.sql>)\n```').length, 1);
  assert.equal(rb019('```bash\npsql "$DATABASE_URL" -f migrations/0042_add_avatar.down.sql\n```').length, 1);
  assert.equal(rb019('```bash\n# 2. 移行スクリプトの逆適用\necho "Reverting schema changes..."\nnode scripts/migrations/rollback-latest.js\n```').length, 1);
  assert.equal(rb019('```bash\ncat status.down.json\n```').length, 0);
});

test('RB019: one finding per rollback path; advice sections in the languages hold no steps', () => {
  const rb019 = (body: string) => inProcedure('RB019', body).length;
  assert.equal(rb019('### Option A: down migration\n\n1. `npm run migrate:rollback`\n2. `npm run migrate:rollback`\n\n### Option B: SQL\n\n```sql\nALTER TABLE users DROP COLUMN avatar_url;\n```'), 2);
  for (const h of ['Prévention', 'Lecciones aprendidas', 'Boas práticas', '演练', 'Overview', '概要', 'Q: 回滾後數據庫遷移怎麼辦？', 'What about the migration?']) assert.equal(rb019(`### ${h}\n\n\`\`\`js\nexport async function down(db) { await db.schema.dropColumn('x') }\n\`\`\``), 0, h);
});

test("a decision matrix: an issue column names the triggers, a row answered 'No' is none, 'Immediate' is RB004", () => {
  const p = project({ 'RUNBOOK.md': '# Runbook\n\n## Rollback Decision Matrix\n\n| Issue | Severity | Rollback? | Timeline |\n|---|---|---|---|\n| API down | P0 | Yes | Immediate |\n| Major feature broken | P1 | Yes | < 15 min |\n| UI glitch | P3 | No | Fix forward |\n' });
  const m = p.model('/w/RUNBOOK.md');
  assert.ok(m && m.kind === 'runbook');
  assert.deepEqual(m.triggers.triggers.map((t) => t.name), ['API down', 'Major feature broken']);
  assert.equal(p.lint('/w/RUNBOOK.md').filter((f) => f.ruleId === 'RB004').length, 1);
});

test("a decision matrix's row whose action names no rollback is no trigger; an escalation table's criteria are none", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  assert.deepEqual(
    names('# Runbook\n\n## Rollback Decision Matrix\n\n| Severity | Condition | Action | Timeline |\n|---|---|---|---|\n| P0 | Complete site outage | Immediate rollback | < 5 minutes |\n| P2 | Partial functionality broken | Fix forward or rollback | < 30 minutes |\n| P3 | Minor issues, cosmetic bugs | Fix forward | Next deployment |\n'),
    ['Complete site outage', 'Partial functionality broken'],
  );
  assert.deepEqual(names('# Runbook\n\n## Escalation\n\n| Level | Contact | Criteria | Response Time |\n|---|---|---|---|\n| L2 | Senior DevOps | Rollback failing | 10 min |\n'), []);
  assert.deepEqual(names('# Runbook\n\n## Eskalation\n\n| Stufe | Kontakt | Kriterien |\n|---|---|---|\n| 2 | Team Lead | Datenverlust |\n'), []);
});

test("RB009: a data trigger with no budget is answered by the runbook's only rollback, unless it names a data correction anywhere", () => {
  const doc = (extra: string) => `# Rollback Guide\n\n## Rollback Triggers\n\n- Health check failure after deployment.\n- Security or data integrity concern.\n\n## Manual Rollback Procedure\n\n1. Trigger **Deploy to Production** workflow with the last good tag.\n${extra}`;
  assert.equal(findingsOf('RB009', doc('')).length, 1);
  for (const extra of ['\n## Data Recovery\n\nRun the reconciliation job.\n', '\n## 4. Rollback Base de Données\n\nRestaurer depuis backup.\n', '\nRestore bản backup dữ liệu cuối cùng.\n']) assert.equal(findingsOf('RB009', doc(extra)).length, 0, extra);
  // A decision matrix elsewhere that answers the same data problem with a restore answers it.
  const matrix = doc('').replace('Security or data integrity concern.', 'Migration cannot be rolled back (data corruption), roll back within 5 min') + '\n## Decision matrix\n\n| Situation | Option | RTO |\n|---|---|---|\n| Code bug | A: Rollback images | 3min |\n| Data corruption | C: Restore backup | 8min |\n';
  assert.equal(findingsOf('RB009', matrix).length, 0);
  assert.equal(findingsOf('RB009', matrix.replace('C: Restore backup', 'C: Rollback images')).length, 1);
  // Data as one example of a broader trigger is no data trigger.
  const incident = doc('').replace('Security or data integrity concern.', 'Declaración de incidente Sev1/Sev2 (falta de disponibilidad, pérdida de datos, incidente de seguridad).');
  assert.equal(findingsOf('RB009', incident).length, 0);
});

test('RB009: a data trigger whose own answer corrects the data, in any cell or after the trigger, in the languages, is answered; its minutes stay', () => {
  const rb009 = (doc: string) => findingsOf('RB009', doc).length;
  const table = (action: string) => `# Runbook\n\n## Rollback criteria\n\n| Trigger | Action | Timer budget |\n|---|---|---|\n| Dữ liệu bị hỏng | ${action} | 10-30 phút |\n`;
  assert.equal(rb009(table('Slot swap rollback')), 1);
  for (const a of ['Database PITR', 'Restaurar o backup', 'バックアップから復元', '從備份還原', 'Восстановление из бэкапа']) assert.equal(rb009(table(a)), 0, a);
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', table('Database PITR')).triggers.triggers.map((t) => [t.budgetMinutes, t.dataCorrection]), [[30, true]]);
  assert.equal(rb009('# Runbook\n\n## Rollback criteria\n\n- Data corruption detected → restore from backup (budget 15 min)\n'), 0);
  assert.equal(rb009('# Runbook\n\n## Rollback criteria\n\n- Data corruption detected → roll back (budget 15 min)\n'), 1);
  // A section headed by the data problem, over a data correction, answers it (es-paes-tutor).
  const section = (body: string) => `# Plan\n\n## Cuándo hacer rollback\n\n- Pérdida de datos o corrupción de datos (budget 5 min)\n\n## Rollback de base de datos\n\n#### Si hay datos corruptos:\n\n${body}\n`;
  assert.equal(rb009(section('Restaurar desde backup: `pg_restore -d app backup.dump`')), 0);
  assert.equal(rb009(section('Revisar los logs.')), 1);
  assert.equal(rb009(table('サービス停止 → DB リストア → 調査')), 0);
});

test('a budget in a heading holds for the lists of its sub-sections', () => {
  const m = buildRunbook('/w/RUNBOOK.md', '# Runbook\n\n## Rollback Decision (⏱️ 5-10 minutes)\n\n### Rollback decision\n\n**ROLLBACK IF**:\n\n- Critical issue affecting >10% of users\n- Rollback risk is acceptable\n');
  assert.deepEqual(m.triggers.triggers.map((t) => t.budgetMinutes), [10, 10]);
});

test("a decision tree is a trigger section; 'Immediate rollback' after a bold trigger is a budget word (RB004)", () => {
  const p = project({ 'RUNBOOK.md': '# Runbook\n\n#### 2. Performance Rollback Decision Tree\n\n- **Response time > 5s**: Immediate rollback\n- **CPU usage > 90%**: Scale up or rollback\n' });
  const ids = p.lint('/w/RUNBOOK.md').map((f) => `${f.ruleId}:${p.textOf('/w/RUNBOOK.md')!.slice(f.span.start, f.span.end)}`);
  assert.ok(ids.includes('RB004:Immediate'), ids.join(' '));
  assert.ok(ids.includes('RB003:CPU usage > 90%'), ids.join(' '));
});

test('steps are what to do, not when: a numbered list led by step verbs, or a list after a step label, holds no triggers', () => {
  const under = (body: string) => buildRunbook('/w/RUNBOOK.md', `# Runbook\n\n## Rollback criteria\n\n- Error rate above 5% for 2 min (budget 5 min)\n\n${body}`).triggers.triggers.map((t) => t.name);
  for (const body of [
    '1. Execute: `npm run deploy:rollback`\n2. Verify: health checks passing\n3. Notify: stakeholders\n',
    '1. Ejecutar rollback command\n2. Verificar health checks\n3. Notificar stakeholders\n',
    '1. Executar o rollback\n2. Verificar os health checks\n3. Notificar o time\n',
    '1. 执行回滚命令\n2. 验证健康检查\n3. 通知相关人员\n',
    '**Proceso:**\n\n- El equipo de guardia\n- Con el runbook\n',
    '**手順：**\n\n- ロールバックのコマンドを実行する\n- ヘルスチェックを確認する\n',
  ]) {
    assert.deepEqual(under(body), ['Error rate above 5% for 2 min'], body);
  }
  // A trigger that opens with a noun a step verb could be is still a trigger.
  assert.equal(under('- Deploy fails the smoke test\n- Checkout returns 500\n').length, 3);
});

test('a negative label in any language keeps its list out; "(No Discussion)" is no negative', () => {
  const names = (label: string) => buildRunbook('/w/RUNBOOK.md', `# Runbook\n\n## Cuándo usar\n\n${label}\n\n- Apenas um bug menor\n- Afeta menos usuários\n`).triggers.triggers.length;
  for (const label of ['**NÃO** execute se:', 'No hacer rollback si:', 'Ne pas revenir en arrière si :', 'Nicht zurückrollen, wenn:', '以下の場合はロールバックしない：']) assert.equal(names(label), 0, label);
  const kept = buildRunbook('/w/RUNBOOK.md', '# Runbook\n\n## Triggers\n\n**Immediate Rollback (No Discussion):**\n\n- Error rate > 10% for 5 min\n- Data corruption detected\n').triggers.triggers;
  assert.equal(kept.length, 2);
});

test('automatic rollback triggers: the window is the budget (RB006 reads it); a trigger-titled section without a list does not hide its siblings', () => {
  const text = '# Runbook\n\n## Automatic Rollback Triggers\n\n- Error rate > 5% for > 1 minute\n- P95 latency > 2x baseline for 5 consecutive minutes\n- Custom SLO thresholds breached\n';
  const ts = buildRunbook('/w/RUNBOOK.md', text).triggers.triggers;
  assert.deepEqual(ts.map((t) => t.budgetMinutes), [1, 5, undefined]);
  assert.deepEqual(findingsOf('RB006', text).length, 1);
  assert.deepEqual(findingsOf('RB008', text).length, 0, 'the window is still a window');
  const nested = '# R\n\n## ロールバックの判断基準\n\n### 1. エラー率\n\n#### 判断基準\n\n- エラー率が5%を超えている\n- APIが応答しない\n\n### ロールバック判断フローチャート\n\n```mermaid\ngraph TD\n```\n';
  assert.equal(buildRunbook('/w/RUNBOOK.md', nested).triggers.triggers.length, 2);
});

test("a fix-time column ('修复时间评估', 'Time to fix') is neither the rows' budget nor a measure of them", () => {
  const doc = (col: string) => `# 回滚方案\n\n### 1.2 回滚决策矩阵\n\n| 问题类型 | ${col} | 业务影响 | 建议处理方式 |\n|---|---|---|---|\n| 编译错误 | > 30分钟 | 高 | 立即回滚 |\n| 性能问题 | > 1小时 | 中 | 计划回滚 |\n`;
  for (const col of ['修复时间评估', 'Time to fix']) {
    assert.equal(findingsOf('RB005', doc(col)).length, 0, col);
    assert.equal(findingsOf('RB002', doc(col)).length, 1, col);
    assert.equal(findingsOf('RB007', doc(col)).length, 1, col);
  }
  assert.equal(findingsOf('RB005', doc('响应时间')).length, 2);
});

test('a heading that says "immediately" gives a table without a budget column its word: one RB004 beside RB002', () => {
  const doc = '# Handoff\n\n### 推奨基準 (下記のいずれかが満たされたら即 rollback)\n\n| 指標 | 閾値 | 理由 |\n|------|------|------|\n| 5xx エラー率 | > 5% が 5 分継続 | code 異常 |\n| 手動 smoke test 失敗 | 1 項目でも | コードの問題 |\n';
  assert.equal(findingsOf('RB004', doc).length, 1);
  assert.equal(findingsOf('RB002', doc).length, 1);
  assert.equal(findingsOf('RB003', doc).length, 0);
});

test('an answer cell that rolls back "immediately", in a table without a budget column, is its row\'s budget word: RB004 beside RB002', () => {
  const doc = '# Runbook\n\n### 5.1 ロールバック判断基準\n\n| 判断基準 | ロールバック要否 |\n|---|---|\n| ログイン機能が動作しない | **即時ロールバック** |\n| API が 5xx エラーを返す | **即時ロールバック** |\n| UI の表示崩れ（軽微） | 修正対応を検討 |\n';
  const rb004 = findingsOf('RB004', doc);
  assert.deepEqual(rb004.map((f) => doc.slice(f.span.start, f.span.end)), ['即時', '即時']);
  assert.equal(findingsOf('RB002', doc).length, 1);
  assert.equal(findingsOf('RB003', doc).length, 0);
  // The word names the rollback whose heading gives its minutes.
  const named = '# 回滚方案\n\n## 1. 总览\n\n### 1.2 回滚决策矩阵\n\n| 问题类型 | 修复时间评估 | 业务影响 | 建议处理方式 |\n|---|---|---|---|\n| 编译错误 | > 30分钟 | 高 | 立即回滚 |\n| 运行时异常 | > 15分钟 | 高 | 立即回滚 |\n\n## 2. 快速回滚流程\n\n### 2.1 立即回滚（5分钟内完成）\n\n1. 停止服务\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', named).triggers.triggers.map((t) => t.budgetMinutes), [5, 5]);
  assert.equal(findingsOf('RB004', named).length, 0);
  const zh = '# 清單\n\n### 回滾觸發條件\n\n| 指標 | 閾值 | 行動 |\n|------|------|------|\n| 錯誤率 | > 5% | 立即回滾 |\n| 孤兒交易率 | > 100/小時 | 調查後決定 |\n';
  assert.equal(findingsOf('RB004', zh).length, 1);
});

test('a heading that says "immediately" gives its list a budget word: one RB004, no RB003 per item', () => {
  for (const heading of ['### 즉시 롤백이 필요한 경우', '### 必须立即回滚的情况', '### Dấu hiệu cần rollback ngay', '### Immediate rollback triggers']) {
    const text = `# Runbook\n\n## Rollback criteria\n\n${heading}\n\n- Error rate above 5% on checkout\n- Login page returns 500\n`;
    assert.equal(findingsOf('RB003', text).length, 0, heading);
    assert.equal(findingsOf('RB004', text).length, 1, heading);
  }
});

test('a path whose first paragraph calls it the preferred way is the primary one (RB011)', () => {
  const doc = (lead: string) => `# Rolling back\n\n## Option A: via GitHub Actions\n\n${lead}\n\n1. Run the \`rollback\` workflow\n\n## Option B: by hand\n\n\`\`\`bash\nkubectl rollout undo deploy/web\n\`\`\`\n`;
  assert.equal(findingsOf('RB011', doc('This is the preferred way, but takes a little bit longer.')).length, 0);
  assert.equal(findingsOf('RB011', doc('Use this only when the preferred way is not available.')).length, 1, 'a negative sentence marks nothing');
  assert.equal(findingsOf('RB011', doc('It takes a little bit longer.')).length, 1);
});

test('a bold label over sub-items is a group: each sub-item a trigger; a latency value after the number (ja) is a threshold, not a window', () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  const doc = '# 手順\n\n### 即時ロールバック条件\n\n以下のいずれかに該当する場合、即座にロールバックを実施：\n\n1. **データ破損**\n   - 文字起こしデータの破損\n   - ユーザーデータの消失\n\n2. **パフォーマンス劣化**\n   - 処理速度50%以上低下\n   - API応答時間10秒以上\n';
  assert.deepEqual(names(doc), ['文字起こしデータの破損', 'ユーザーデータの消失', '処理速度50%以上低下', 'API応答時間10秒以上']);
  // A label with its own words stays one trigger, its sub-items the details.
  assert.deepEqual(names('# Plan\n\n## Rollback triggers\n\n- **Data integrity issues** in orders\n  - duplicate rows\n  - missing rows\n'), ['Data integrity issues']);
  // A checkbox on the label, or sub-items that tell what follows, keep the label the trigger.
  assert.deepEqual(names('# Plan\n\n## Rollback triggers\n\n- [ ] **Data integrity issues**\n  - Data corruption detected\n  - Data loss occurring\n'), ['Data integrity issues']);
  assert.deepEqual(names('# Plan\n\n### Automatic Rollback Triggers\n\n1. **Smoke tests fail**\n   - Critical user flows broken\n   - ✅ Automatic rollback triggered\n'), ['Smoke tests fail']);
  const rb008 = findingsOf('RB008', doc).map((f) => doc.slice(f.span.start, f.span.end));
  assert.equal(rb008.length, 2, JSON.stringify(rb008));
  assert.equal(findingsOf('RB008', '# 手順\n\n## ロールバック条件\n\n- API応答時間10秒以上が5分間継続\n').length, 0);
});

test("a plan's 'Время отката' (ru) is the document's rollback time", () => {
  const budgets = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => [t.name, t.budgetMinutes]);
  assert.deepEqual(budgets('# План\n\n## План отката\n\nСкрипт автоматически откатит изменения если:\n- ❌ Ошибка сборки\n\n**Время отката:** ~10-15 минут\n'), [['❌ Ошибка сборки', 15]]);
});

test('the rollback section right after a trigger section gives its heading time to triggers that state none', () => {
  const budgets = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => [t.name, t.budgetMinutes]);
  assert.deepEqual(budgets('# 手册\n\n## 紧急回滚流程\n\n### 触发条件\n- 关键功能出现严重错误\n\n### 快速回滚（5分钟内）\n\n1. 停止服务\n'), [['关键功能出现严重错误', 5]]);
  // A stage of the procedure, or a section that is no rollback, gives nothing.
  assert.deepEqual(budgets('# Plan\n\n## Rollback\n\n### Triggers\n- Checkout page does not load\n\n### Verification (10 min)\n\n1. Check\n'), [['Checkout page does not load', undefined]]);
});

test("a trigger section's severity table that holds no triggers does not hide its sub-section's list", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('# Plan\n\n## Critérios para Rollback\n\n| Severidade | Tempo Máximo | Ação |\n|---|---|---|\n| **CRÍTICO** | 5 min | Rollback imediato |\n\n### Gatilhos Automáticos\n- Taxa de erro 5xx > 10%\n- Health check falhando 3x\n'), ['Taxa de erro 5xx > 10%', 'Health check falhando 3x']);
});

test("who decides and whom to tell, under a trigger section, is no trigger list (vocabulary: roles)", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('# 基準\n\n## 3. ロールバック判断フロー\n\n### 3.1 判断責任者\n\n- **第一判断者**: 宮川（プロジェクト責任者）\n\n### 3.2 判断時の連絡\n\n- ロールバック実施を決定したら、即座に責任者へ電話連絡\n'), []);
  assert.deepEqual(names('# Plan\n\n## Rollback criteria\n\n### Communication\n\n- Post in #incidents before rolling back\n\n### Errors\n\n- Checkout returns 500\n'), ['Checkout returns 500']);
});

test("a placeholder duration ('[N] ore', 'X minutes') is a budget not filled in: RB004, not RB003", () => {
  const doc = '# Piano\n\n## Criteri di rollback\n\n- Errori critici non risolvibili in [N] ore\n- Nginx X-Frame header missing, budget 5 min\n';
  assert.deepEqual(findingsOf('RB004', doc).map((f) => doc.slice(f.span.start, f.span.end)), ['[N] ore']);
  assert.equal(findingsOf('RB003', doc).length, 0);
});

test("RB011: each group of sibling paths is its own choice; one marked primary does not rank another section's", () => {
  const rb011 = (doc: string) => findingsOf('RB011', doc).length;
  const db = '## Rollback database\n\n#### Option A : Supabase Dashboard (Recommandé)\n\nCliquer.\n\n#### Option B : CLI Supabase\n\n```sh\nsupabase migration repair\n```\n\n';
  const code = (mark: string) => `## Rollback code\n\n#### Option A : Vercel Dashboard${mark}\n\nCliquer.\n\n#### Option B : Vercel CLI\n\n\`\`\`sh\nvercel promote dpl_1\n\`\`\`\n`;
  assert.equal(rb011(`# Procédures de Rollback\n\n${db}${code('')}`), 1);
  assert.equal(rb011(`# Procédures de Rollback\n\n${db}${code(' (Recommandé)')}`), 0);
});

test('RB010: a flag flipped by its variable and a request to a rollback endpoint are commands; a bare request line is not', () => {
  const rb010 = (body: string) => findingsOf('RB010', `# Runbook\n\n## Rollback\n\n${body}\n`).length;
  assert.equal(rb010('1. **Immediate**: Set `VALIDATION_ORCHESTRATOR_V2=false` and push the env var'), 0);
  assert.equal(rb010('Endpoint: `POST /api/system/update/runs/:id/rollback`'), 0);
  assert.equal(rb010('Watch `GET /api/orders` until it recovers.'), 1);
  // A URL's path is where to look, not a slash command; `/rollback` in ChatOps is one.
  assert.equal(rb010('Volver desde Coolify al deployment conocido y comprobar `/api/health` y `/dashboard`.'), 1);
  assert.equal(rb010('Type `/rollback api` in #deploys.'), 0);
  // Commands that only look say nothing to run.
  assert.equal(rb010('- **即時ロールバック**: ECS タスク定義を前のリビジョンに戻す。\n- **ログ分析**: `aws logs tail` で 10 分間監視。'), 1);
  assert.equal(rb010('```bash\nkubectl get pods -n prod\ncurl -fsS https://api.example.com/health\n```'), 1);
  assert.equal(rb010('```bash\nkubectl rollout undo deploy/api\nkubectl get pods -n prod\n```'), 0);
  // A project script that checks (`pnpm ops:healthcheck`, `node scripts/smoke-http.mjs`) looks too.
  assert.equal(rb010('1. Reimplantar versão anterior.\n2. Validar com `pnpm ops:healthcheck`.\n3. Rodar `node scripts/smoke-http.mjs`.'), 1);
  assert.equal(rb010('1. Rodar `pnpm ops:rollback`.\n2. Validar com `pnpm ops:healthcheck`.'), 0);
});

test('RB010 and RB012: data blocks and file names are no commands; a browser console and a symptom heading are no console path', () => {
  const rb = (rule: string, body: string) => findingsOf(rule, `# Plano de Rollback\n\n## Procedimento de rollback\n\n${body}\n`).length;
  // A text file's content, a form of "Key: value" lines, a bare file name: nothing to run.
  for (const block of ['```txt\napp-manutencao(7).zip\n```', '```\nDeploy Request: #1234\nDeploy date: 2024-02-15 14:00 UTC\n```', '1. Restaurar `js/event-bindings.js` do ZIP']) assert.equal(rb('RB010', block), 1, block);
  for (const block of ['```yaml\nkubectl rollout undo deploy/web\n```', '1. Rodar `scripts/rollback.sh`', '1. Rodar `node scripts/rollback.js v20`']) assert.equal(rb('RB010', block), 0, block);
  // Where one looks for errors, and what goes wrong, name no console to click.
  assert.equal(rb('RB012', '1. Restaurar o ZIP funcional\n2. Verificar erro de javascript no console\n\n### Sintoma: botão não responde\n\nRever os bindings.'), 0);
  assert.equal(rb('RB012', '1. Abrir o painel da Vercel\n2. Clicar no botão "Promote to Production"'), 1);
});

test('RB010: a CLI pasted after the verb that runs it is a command, in the languages', () => {
  const rb010 = (step: string) => findingsOf('RB010', `# Runbook\n\n## Rollback\n\n1. Identifica l'ultima immagine funzionante\n2. ${step}\n`).length;
  for (const step of ['Esegui docker compose down && docker compose up -d con la vecchia immagine', 'Run: kubectl rollout undo deploy/web', 'Ejecutar helm rollback web 41', '执行 kubectl rollout undo deploy/web']) assert.equal(rb010(step), 0, step);
  assert.equal(rb010('Esegui il rollback dal pannello'), 1);
});

test("RB010: an action label under a trigger list that gives the command ('**Action**: `./scripts/flags/toggle.sh --percent 0`') is the command", () => {
  const doc = (action: string) => `# Go/No-Go Checklist\n\n## Rollback Triggers\n\n### Immediate Rollback (< 5 min)\n\n- [ ] Error rate > 5% for 5 min\n\n${action}\n\n### Planned Rollback (< 15 min)\n\nExecute if any persist > 15 min:\n\n- [ ] Error rate > 2%\n\n**Action**: Follow the rollback doc\n`;
  assert.equal(findingsOf('RB010', doc('**Action**: `./scripts/flags/toggle-reporting.sh --percent 0`')).length, 0);
  assert.equal(findingsOf('RB010', doc('**Acción**: `kubectl rollout undo deploy/web`')).length, 0);
  assert.equal(findingsOf('RB010', doc('**Action**: turn the flag off')).length, 1);
});

test('RB016: a ladder of rollback levels in the languages names them; a severity ladder does not', () => {
  const rb016 = (doc: string) => findingsOf('RB016', doc).length;
  assert.equal(rb016('# Plan de Rollback\n\n### Niveau 1 : Rollback Application (< 5 min)\n\nx\n\n### Niveau 3 : Rollback Base de Données\n\ny\n'), 0);
  assert.equal(rb016('# 基準\n\n| レベル | 何を戻すか |\n|---|---|\n| Level 0 | サービス利用 |\n| Level 1 | デプロイしたコード |\n'), 0);
  assert.equal(rb016('# Matrix\n\n## Level 1 - CRITICAL (Immediate Rollback Required)\n\nx\n\n## Level 2 - HIGH (Urgent Rollback)\n\ny\n'), 1);
  assert.equal(rb016('# Plan\n\n### Niveau 1 : Rollback Application\n\nx\n'), 1);
});

test("a bold label of another answer ('**HOTFIX IF**:') introduces no triggers; 'Execute este runbook se:' does", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('# Checklist\n\n### Rollback Decision\n\n**ROLLBACK IF**:\n- Critical issue affecting >10% of users\n\n**HOTFIX IF**:\n- Issue is fixable within 1-2 hours\n'), ['Critical issue affecting >10% of users']);
  assert.deepEqual(names('# Runbook de rollback\n\n## Quando Usar\n\nExecute este runbook se:\n- ✅ Deploy causou erros críticos\n'), ['✅ Deploy causou erros críticos']);
});

test('an unlabelled rollback path is what all rollback sections say, not only the first ("basic concepts")', () => {
  const doc = '# 基準\n\n## ロールバックの基本概念\n\n変更を元に戻す操作の総称。\n\n## ロールバック手順\n\n### Level 1: アプリケーション\n\nVercel ダッシュボードで Instant Rollback をクリック。\n';
  assert.equal(findingsOf('RB012', doc).length, 1);
});

test('RB019: a stop that may not happen, or a scale-down of the failed version while the stable one scales up, stops no traffic', () => {
  const rb019 = (body: string) => inProcedure('RB019', body).length;
  assert.equal(rb019('1. Actions\n   ```bash\n   kubectl scale deployment app-canary --replicas=0\n   kubectl scale deployment app-stable --replicas=5\n   ```\n2. Database\n   ```bash\n   alembic downgrade -1\n   ```'), 1);
  assert.equal(rb019('1. Actions\n   ```bash\n   kubectl scale deployment app --replicas=0\n   ```\n2. Database\n   ```bash\n   alembic downgrade -1\n   ```'), 0);
  assert.equal(rb019('- Enable maintenance mode if needed\n\n```bash\nalembic downgrade -1\n```'), 1);
});

test("a tier whose qualifier says watch, prepare or normal ('### Warning (모니터링 강화, 롤백 준비)') holds no triggers", () => {
  const names = (doc: string) => buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name);
  const tiers = (warn: string, info: string) => `# 긴급 롤백 절차\n\n## 롤백 결정 기준\n\n다음 상황 발생 시 즉시 롤백 실행:\n\n### Critical (즉시 롤백)\n- API 에러율 > 10%\n\n### ${warn}\n- 성공률 < 80%\n\n### ${info}\n- 데이터 오차 < 5%\n`;
  assert.deepEqual(names(tiers('Warning (모니터링 강화, 롤백 준비)', 'Info (정상 범위)')), ['API 에러율 > 10%']);
  assert.deepEqual(names(tiers('Warning (monitor closely, prepare rollback)', 'Info: normal range')), ['API 에러율 > 10%']);
  // A tier named after what is watched, or one that rolls back, keeps its triggers.
  assert.deepEqual(names(tiers('Monitoring alerts', 'Major (rollback within 30 min)')), ['API 에러율 > 10%', '성공률 < 80%', '데이터 오차 < 5%']);
});

test("a legend of a trigger table's severity levels ('**Critical-trigger:** rollback-besluit binnen 1 uur') gives the rows their budget and holds no triggers", () => {
  const doc = '# Rollback-plan\n\n## Wanneer rollback?\n\n| # | Trigger | Severity | Detectie |\n|---|---|---|---|\n| T1 | Data-verlies waarneembaar | Critical | DB-checksum mismatch |\n| T2 | Performance < accepteerbaar | Major | Sentry |\n\n### Respons\n\n- **Critical-trigger:** rollback-besluit binnen 1 uur\n- **Major-trigger:** evalueer hotfix eerst (max 4 uur), pas daarna rollback-besluit\n- **Minor:** geen rollback\n';
  const triggers = buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers;
  assert.deepEqual(triggers.map((t) => [t.name, t.budgetMinutes]), [['Data-verlies waarneembaar', 60], ['Performance < accepteerbaar', 240]]);
  assert.equal(findingsOf('RB005', doc).length, 2);
});

test("RB008: the document's RTO is not cut out of a trigger's own window ('> 5% durante más de 5 minutos', RTO 5 minutos)", () => {
  const doc = (rto: string) => `# Plan de Rollback\n\n## Criterios para Rollback\n\nEjecutar rollback si:\n- Tasa de errores > 5% durante más de 5 minutos\n\n## Tiempo Objetivo\n\n**RTO (Recovery Time Objective)**: ${rto} máximo\n`;
  assert.equal(findingsOf('RB008', doc('5 minutos')).length, 0);
  assert.equal(findingsOf('RB008', doc('10 minutos')).length, 0);
  assert.equal(findingsOf('RB008', '# Plan\n\n## Criterios para Rollback\n\n- Tasa de errores > 5%\n').length, 1);
});

test('RB019: a backup written to rollback.sql, and a checklist item that says no DROP TABLE is included, reverse nothing', () => {
  const rb019 = (body: string) => inProcedure('RB019', body).length;
  assert.equal(rb019('```bash\nmariadb-dump -u root -p app > /backup/app_rollback.sql\n```'), 0);
  assert.equal(rb019('```bash\nmysql -u root app < /backup/app_rollback.sql\n```'), 1);
  assert.equal(rb019('- [ ] `DROP TABLE` や `DROP COLUMN` が含まれていないこと'), 0);
});

test('RB007: a trigger that names a severity level the document defines in concrete words is measurable by that definition', () => {
  const doc = (definition: string) => `# SOP\n\n## 何時回滾\n\n在以下情況立即回滾：\n- 部署後 5 分鐘內發現 P1 問題\n\n## 嚴重等級\n\n| 等級 | 定義 |\n|---|---|\n| **P1 — Critical** | ${definition} |\n`;
  assert.equal(findingsOf('RB007', doc('服務完全中斷，所有用戶受影響')).length, 0);
  assert.equal(findingsOf('RB007', '# R\n\n- **P1 (High)**: Major functionality broken\n- **P2 (Medium)**: Degraded performance\n\n## When to roll back\n\n- Major Feature Broken (P1)\n').length, 1);
});

test("RB008: a latency's percentile and comparator word before a duration make it the value, not a window ('API 回應時間 P95 超過 5 秒')", () => {
  const rb008 = (item: string) => findingsOf('RB008', `# SOP\n\n## 何時回滾\n\n- ${item}（預算 5 分鐘）\n`).length;
  assert.equal(rb008('API 回應時間 P95 超過 5 秒'), 1);
  assert.equal(rb008('錯誤率 > 5% 持續 5 分鐘'), 0);
});

test("a trigger list written as one paragraph after a bold label, its items separated by ';', is a trigger list", () => {
  const doc = '# Runbook\n\n## Retour arrière\n\n**Critères de déclenchement** : authentification cassée non corrigée en < 30 min ; migration\néchouée ; perte de données constatée.\n';
  const triggers = buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers;
  assert.deepEqual(triggers.map((t) => [t.name, t.budgetMinutes]), [['authentification cassée non corrigée en < 30 min', 30], ['migration échouée', undefined], ['perte de données constatée', undefined]]);
  assert.equal(findingsOf('RB001', doc).length, 0);
  assert.equal(findingsOf('RB005', doc).length, 1);
  // One semicolon is a sentence, not a list; nor is a label that names no triggers.
  assert.equal(buildRunbook('/w/RUNBOOK.md', '# R\n\n## Retour arrière\n\n**Critères de déclenchement** : auth cassée ; migration échouée.\n').triggers.triggers.length, 0);
  assert.equal(buildRunbook('/w/RUNBOOK.md', '# R\n\n## Notes\n\n**Owner** : ops ; dev ; qa.\n').triggers.triggers.length, 0);
});

test("a timer on a fix attempt said with 'cannot' ('Developer non riesce a debuggare errore in < 30 min') is the trigger's budget", () => {
  const minutes = (item: string) => buildRunbook('/w/RUNBOOK.md', `# Piano\n\n## Criteri di rollback\n\n- ${item}\n- Tempo esecuzione > 5 ore\n`).triggers.triggers[0]?.budgetMinutes;
  assert.equal(minutes('Developer non riesce a debuggare errore in < 30 min'), 30);
  assert.equal(minutes('Engineer unable to fix the error within 20 minutes'), 20);
});

test('RB009: duplicated records and lost links are data problems a code rollback does not undo', () => {
  const rb009 = (item: string) => findingsOf('RB009', `# Runbook\n\n## Rollback triggers\n\n- ${item} (budget 5 min)\n\n## Rollback procedure\n\n\`\`\`bash\nkubectl rollout undo deploy/web\n\`\`\`\n`).length;
  assert.equal(rb009('Duplicate charges reported by the payment provider'), 1);
  assert.equal(rb009('Sinh trùng mã đơn hoặc mã món'), 1);
  assert.equal(rb009('Dời/nối bàn làm mất liên kết món'), 1);
  assert.equal(rb009('Checkout page does not load'), 0);
});

test("a comma list joined by 'or' after a trigger label, as a list's item, is a trigger list when its items hold thresholds", () => {
  const names = (body: string) => buildRunbook('/w/RUNBOOK.md', `# Runbook\n\n## 3. Rollback-Playbook\n${body}\n`).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('- **Trigger**: Error-Rate 5xx >2% über 5 Min, p95-Latenz >500 ms über 5 Min, Readiness fluktuiert >0,5%, oder kritische App-Bugs.\n- **Schritte**\n  1. Traffic auf Blue'), [
    'Error-Rate 5xx >2% über 5 Min',
    'p95-Latenz >500 ms über 5 Min',
    'Readiness fluktuiert >0,5%',
    'kritische App-Bugs',
  ]);
  // One condition said three ways, with no threshold: a sentence, not a list.
  assert.deepEqual(names('**Trigger:** Any Stage B component causing friction, blocking legitimate work, or degrading system performance.'), []);
});

test("a drawn decision tree's answer after an arrow: '立即回滚' is a word where the budget should be, '监控观察' only watches", () => {
  const triggers = buildRunbook('/w/RUNBOOK.md', '# 发布\n\n### 回滚决策树\n```\n异常发生\n  ├─ P99 > 1s 持续10分钟 → 立即回滚\n  ├─ 多个P1级告警 → 评估后回滚\n  └─ 单个P2/P3告警 → 监控观察\n```\n').triggers.triggers;
  assert.deepEqual(triggers.map((t) => [t.name, t.budgetText]), [
    ['P99 > 1s 持续10分钟', '立即'],
    ['多个P1级告警', undefined],
  ]);
});

test("a tier label whose qualifier answers otherwise ('**Bajo** (Evaluar fix forward):') holds no triggers; one that says 'Triggers' does", () => {
  const names = (label: string) => buildRunbook('/w/RUNBOOK.md', `# Plan\n\n## Criterios para Rollback\n\n**Crítico** (Rollback dentro de 5 minutos):\n\n- Sitio caído\n\n${label}\n\n- Error rate < 10%\n`).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('**Bajo** (Evaluar fix forward):'), ['Sitio caído']);
  assert.deepEqual(names('**P2 Triggers (Monitor and Decide):**'), ['Sitio caído', 'Error rate < 10%']);
});

test('RB011: options inside one path are not a choice of rollback paths; "시나리오" is no if-word', () => {
  const rb011 = (doc: string) => findingsOf('RB011', doc).length;
  const inner = '### 2-4. Production으로 전환\n\n**옵션 A: Neon Branch 스위칭 (빠름)**\n\nConsole에서 전환.\n\n**옵션 B: 데이터 마이그레이션 (안전)**\n\n```bash\npg_dump > x.sql\n```\n\n';
  const doc = (mark: string) =>
    `# Migration Rollback\n\n## 방법 1: Prisma Migrate 롤백${mark}\n\n\`\`\`bash\nnpx prisma migrate deploy\n\`\`\`\n\n## 방법 2: Neon PITR\n\n${inner}## 방법 3: Git Revert\n\n\`\`\`bash\ngit revert HEAD\n\`\`\`\n`;
  assert.equal(rb011(doc(' (권장)')), 0, 'the paths are ranked; the options inside 방법 2 are its own steps');
  assert.equal(rb011(doc('')), 1);
  // Two solutions under a scenario heading: the scenario is not a condition.
  assert.equal(rb011('# 롤백 전략\n\n### 시나리오 3: Breaking Changes\n\n**해결책 1: DB도 함께 롤백**\n\n```bash\ncp backup.db data.db\n```\n\n**해결책 2: 핫픽스 배포**\n\n```bash\n./deploy.sh v3.1\n```\n'), 1);
});

test('RB011: an automatic and a manual way back beside each other are two paths; two tiers of triggers are not', () => {
  const rb011 = (doc: string) => findingsOf('RB011', doc).length;
  const ways = (auto: string, manual: string, sub = '') =>
    `# Rollback\n\n## Rollback-Tools\n\n### ${auto}\n\n${sub}\`\`\`bash\n./scripts/emergency-rollback.sh\n\`\`\`\n\n### ${manual}\n\n\`\`\`bash\ndocker compose down\n\`\`\`\n`;
  assert.equal(rb011(ways('Automated Rollback', 'Manual Rollback Steps')), 1);
  assert.equal(rb011(ways('자동 롤백', '수동 롤백')), 1);
  assert.equal(rb011(ways('Rollback automatique', 'Rollback manuel')), 1);
  // The automatic path holds the recommended way: it is the one to take.
  assert.equal(rb011(ways('Automated Rollback', 'Manual Rollback', '#### Using the rollback script (Recommended)\n\n')), 0);
  const tiers = '# Plano\n\n## Critérios de rollback (Triggers)\n\n### Automático (Immediate Rollback)\n\n- Error rate > 10%\n\n### Manual (Avaliação Necessária)\n\n- Latência alta\n\n## Procedimento\n\n```bash\ngit revert HEAD\n```\n';
  assert.equal(rb011(tiers), 0);
});

test('a word in a spaced script ends where that script ends: "Cloudflare Dashboardでのロールバック" names a dashboard', () => {
  assert.ok(MATCH.console.test('cloudflare dashboardでのロールバック'));
  assert.ok(MATCH.console.test('管理はdashboard'));
  assert.ok(!MATCH.console.test('dashboardx-as-code'));
  assert.equal(findingsOf('RB012', '# 切り戻しテスト\n\n### 検証する切り戻し方法\n\n1. **方法1**: Cloudflare Dashboardでのロールバック（推奨）\n2. **方法2**: Git revertによる切り戻し\n').length, 1);
});

test("an objective in brackets after a recovery word ('(목표: 30분 이내)') is the document's budget; one after a metric is not", () => {
  const doc = (principle: string) => `# 롤백 계획\n\n## 롤백 원칙\n\n1. ${principle}\n\n## Phase 1\n\n**롤백 트리거:**\n- 서버 시작 실패\n- 빌드 실패\n`;
  const budgets = (principle: string) => buildRunbook('/w/RUNBOOK.md', doc(principle)).triggers.triggers.map((t) => t.budgetMinutes);
  assert.deepEqual(budgets('**빠른 복구**: 서비스 중단 시간 최소화 (목표: 30분 이내)'), [30, 30]);
  assert.deepEqual(budgets('**Fast recovery**: minimise downtime (objective: 20 minutes)'), [20, 20]);
  assert.deepEqual(budgets('**응답 속도**: 빠르게 (목표: 2초 이내)'), [undefined, undefined]);
  assert.equal(findingsOf('RB005', doc('**빠른 복구**: 서비스 중단 시간 최소화 (목표: 30분 이내)')).length, 1, 'reported once, where it is written');
});

test("a Vietnamese table by its 'Mức độ | Hiện tượng' columns is a trigger table", () => {
  const doc = '# Quy trình Rollback\n\n## 1. Nguyên tắc Phân loại Sự cố & Điều kiện Rollback\n\n| Mức độ | Hiện tượng | Biện pháp xử lý |\n| :--- | :--- | :--- |\n| **P1** | Toàn bộ hệ thống sập | Kích hoạt Rollback khẩn cấp. |\n| **P3** | Lỗi hiển thị giao diện | Rollback container Frontend. |\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name), ['Toàn bộ hệ thống sập', 'Lỗi hiển thị giao diện']);
  assert.equal(findingsOf('RB001', doc).length, 0);
  assert.equal(findingsOf('RB002', doc).length, 1);
});

test('RB019: a GitHub alert warns and runs nothing; a `cd` between the comment and its command is no step', () => {
  const rb019 = (block: string) => findingsOf('RB019', `# Rollback\n\n## 4. Quy trình Rollback Cơ sở Dữ liệu\n\n${block}\n`).map((f) => f.span.start);
  const alert = '> [!CAUTION]\n> Rollback Migration cơ sở dữ liệu có thể dẫn đến mất các dữ liệu mới.\n';
  assert.deepEqual(rb019(alert), []);
  const script = '```powershell\n# 2. Revert migration về phiên bản trước\ncd backend/src/Infrastructure\ndotnet ef database update PreviousMigration\n```';
  const doc = `# Rollback\n\n## 4. Quy trình Rollback Cơ sở Dữ liệu\n\n${script}\n`;
  assert.deepEqual(rb019(script), [doc.indexOf('dotnet ef')]);
});

test("a section whose lead-in says no rollback is needed ('**ロールバックは不要**') holds fixes, not triggers", () => {
  const doc = '# 手順書\n\n## ロールバック判断基準\n\n### 2.1 即座にロールバック\n\n| No. | 状況 | 影響 |\n|---|---|---|\n| 1 | **システムが起動しない** | 全ユーザー |\n\n### 2.3 回避策で対応可能な状況\n\n以下に該当する場合、**ロールバックは不要**（修正対応）\n\n| No. | 状況 | 対応 |\n|---|---|---|\n| 1 | 軽微なUI表示の問題 | CSS修正で対応 |\n';
  assert.deepEqual(buildRunbook('/w/RUNBOOK.md', doc).triggers.triggers.map((t) => t.name), ['**システムが起動しない**'.replace(/\*/g, '')].map((n) => n));
});

test("RB007: a threshold written after its number in another cell ('表示速度が10秒以上') measures the trigger", () => {
  const doc = '# 手順書\n\n## ロールバック判断基準\n\n以下に該当する場合、**1時間以内にロールバック判断**を行う。\n\n| No. | 状況 | 影響 |\n|---|---|---|\n| 1 | **性能が著しく劣化** | 表示速度が10秒以上 |\n';
  assert.equal(findingsOf('RB007', doc).length, 0);
  assert.equal(findingsOf('RB007', doc.replace('表示速度が10秒以上', '表示が遅い')).length, 1);
});

test("RB007: a problem word is a mood word in every language, as 'issues' is: an event beside it names what happens", () => {
  const rb007 = (item: string) => findingsOf('RB007', `# Runbook\n\n## Rollback triggers\n\n- ${item}\n`).length;
  for (const item of ['Security issues detected', 'Problèmes de sécurité identifiés', 'セキュリティ上の問題が発見された', 'Problemas de seguridad detectados']) assert.equal(rb007(item), 0, item);
  for (const item of ['Problems occur', '問題が発生', 'Problèmes critiques', 'Problemi gravi']) assert.equal(rb007(item), 1, item);
});

test('RB016: a level range beside the rollback it belongs to names the level', () => {
  const rb016 = (line: string) => findingsOf('RB016', `# Go/No-Go\n\n## Rollback Triggers\n\n- Error rate > 5% for 5 min, budget 5 min\n\n${line}\n`).length;
  assert.equal(rb016('**Action**: Follow `docs/ROLLBACK.md` Level 1-2'), 0);
  assert.equal(rb016('**Action**: escalate to support level 1-2'), 1);
});

test("a KPI row that names the rollback time and its limit ('| Tempo rollback | < 5 min |') is the document's budget", () => {
  const doc = (row: string) => `# Migrazione\n\n### KPI\n\n| Metrica | Target |\n|---|---|\n| Downtime | < 15 min |\n${row}\n\n## ROLLBACK\n\n### QUANDO FARE ROLLBACK\n\n- Errori critici che impediscono login\n`;
  const budget = (row: string) => buildRunbook('/w/RUNBOOK.md', doc(row)).triggers.triggers.map((t) => t.budgetMinutes);
  assert.deepEqual(budget('| Tempo rollback (se necessario) | < 5 min |'), [5]);
  assert.deepEqual(budget('| Rollback time | < 10 minutes |'), [10]);
  assert.deepEqual(budget('| Tempo rollback stimato | 5-10 min |'), [undefined], 'an estimate sets no limit');
  assert.deepEqual(budget('| Errori post-migrazione | < 5 |'), [undefined]);
});

test('RB007: a status code beside a degree word is what is counted, not a threshold; a metric selector names where it is read', () => {
  const rb007 = (item: string) => findingsOf('RB007', `# Runbook\n\n## Rollback triggers\n\n- ${item}\n`).length;
  for (const item of ['API 응답 500 에러 증가', 'API 500エラー多発', 'errori diffusi (5xx)', 'Elevated 5xx errors']) assert.equal(rb007(item), 1, item);
  for (const item of ['5xx > 2% for 5 min', 'Any HTTP 500 on /checkout', 'High error rate: `http_requests_total{status="5xx"}` spike']) assert.equal(rb007(item), 0, item);
});

test("a sentence that ends on its if-word and says it happens by itself, under the automatic rollback, opens its triggers", () => {
  const names = (parent: string) =>
    buildRunbook('/w/RUNBOOK.md', `# Procédures\n\n## ${parent}\n\n### Activation du mode d'urgence\n\nLe mode d'urgence est activé automatiquement lorsque :\n- Une attaque MEV est identifiée\n- Une perte de fonds est détectée\n`).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('Procédures de rollback automatiques'), ['Une attaque MEV est identifiée', 'Une perte de fonds est détectée']);
  assert.deepEqual(names('Surveillance'), []);
});

test("RB007: a named thing gone wrong ('errati') and a reporter who says so ('segnala') are something one can see happen", () => {
  const rb007 = (item: string) => findingsOf('RB007', `# Runbook\n\n## Rollback triggers\n\n- ${item}\n`).length;
  for (const item of ['Redirect SEO critici errati', 'Commercialista segnala anomalie gravi']) assert.equal(rb007(item), 0, item);
  for (const item of ['Anomalie gravi', 'Rischio di regressioni']) assert.equal(rb007(item), 1, item);
});

test("with no trigger list, an immediate rollback's label over the condition it answers is one trigger, the label's word its budget", () => {
  const doc = (item: string) => `# チェックリスト\n\n## 5. 緊急時の切り戻し（Rollback）\n\n- ${item}\n- **ログ分析**: \`aws logs tail\` で 10 分間監視。\n`;
  const triggers = (item: string) => buildRunbook('/w/RUNBOOK.md', doc(item)).triggers.triggers.map((t) => [t.name, t.budgetText]);
  assert.deepEqual(triggers('**即時ロールバック**: 致命的な不具合発見時、ECS タスク定義を前のリビジョンに戻す。'), [['致命的な不具合発見時', '即時']]);
  assert.deepEqual(triggers('**Immediate rollback**: if checkout fails, redeploy v1.4.'), [['checkout fails', 'Immediate']]);
  assert.deepEqual(triggers('**Immediate rollback:** if checkout fails, redeploy v1.4.'), [['checkout fails', 'Immediate']]);
  assert.deepEqual(triggers('**即時ロールバック**: ECS タスク定義を前のリビジョンに戻す。'), []);
  assert.equal(findingsOf('RB004', doc('**即時ロールバック**: 致命的な不具合発見時、ECS タスク定義を前のリビジョンに戻す。')).length, 1);
  assert.equal(findingsOf('RB007', doc('**即時ロールバック**: 致命的な不具合発見時、ECS タスク定義を前のリビジョンに戻す。')).length, 1, '不具合 names no thing');
});

test("with no trigger list, a verdict list's items whose answer after the arrow is the rollback are its triggers", () => {
  const names = (items: string) => buildRunbook('/w/RUNBOOK.md', `# 部署手冊\n\n## 步驟 4：快篩 8 項\n\n${items}\n`).triggers.triggers.map((t) => t.name);
  assert.deepEqual(names('- 8 項全過 → 上線完成 🎉\n- 有任一項不符 → 進入下面「回退」。'), ['有任一項不符']);
  assert.deepEqual(names('- All checks pass → done\n- Any check fails -> roll back to v1.2'), ['Any check fails']);
  assert.deepEqual(names('- All checks pass → done\n- Minor glitch → do not roll back, fix forward'), []);
  assert.deepEqual(names('- Open the console\n- Any check fails -> roll back'), [], 'every item must be a verdict');
});
