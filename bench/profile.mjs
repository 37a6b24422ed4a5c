// Summarize V8 .cpuprofile files (node --cpu-prof): self time per function, hottest first.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function summarizeProfiles(dir, top = 25) {
  if (!fs.existsSync(dir)) return [];
  const self = new Map();
  let total = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
    for (const [id, us] of dt) {
      const n = byId.get(id);
      const cf = n.callFrame;
      const name = cf.functionName || '(anonymous)';
      const where = cf.url ? `${path.basename(cf.url)}:${cf.lineNumber + 1}` : '';
      const key = `${name}\0${where}`;
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
    }
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => {
      const [name, where] = k.split('\0');
      return { name, where, selfMs: us / 1000, pct: (100 * us) / total };
    });
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const r of summarizeProfiles(process.argv[2] ?? 'bench/.work/prof', Number(process.argv[3] ?? 30))) {
    console.log(`${r.selfMs.toFixed(0).padStart(8)} ms ${r.pct.toFixed(1).padStart(5)}%  ${r.name}  ${r.where}`);
  }
}
