/**
 * "Data integrity issue appears (lost event data, incorrect guest list mutations, duplicate critical writes)":
 * a trigger's examples in brackets, three or more, and its words outside them. Fewer than three are no list.
 */
export function bracketedExamples(name: string): { examples: string[]; outside: string } {
  const m = /[(（]([^()（）]+)[)）]/.exec(name);
  const examples = m ? m[1].split(/[,，、]/) : [];
  if (!m || examples.length < 3) return { examples: [], outside: name };
  return { examples, outside: name.slice(0, m.index) + name.slice(m.index + m[0].length) };
}
