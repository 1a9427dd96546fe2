/**
 * `node --import tsx bench/profileSummary.ts <file.cpuprofile> [top]`: the functions a CPU
 * profile spent most time in, by self time and by total time (self plus callees), with their
 * share of the samples that were not idle.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const [file, topArgument] = process.argv.slice(2);
const top = Number(topArgument ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const label = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(server|model|bench)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
const idle = new Set(['(idle)', '(program)']);
const self = new Map<string, number>();
const total = new Map<string, number>();
let busy = 0;
for (const id of profile.samples) {
  const node = byId.get(id)!;
  if (idle.has(node.callFrame.functionName)) continue;
  busy += 1;
  self.set(label(node), (self.get(label(node)) ?? 0) + 1);
  // Each function counted once per sample, however deep it recurses.
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const name = label(byId.get(at)!);
    if (seen.has(name)) continue;
    seen.add(name);
    total.set(name, (total.get(name) ?? 0) + 1);
  }
}
const print = (title: string, counts: Map<string, number>) => {
  console.log(`\n${title} (of ${busy} busy samples)`);
  for (const [name, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((count / busy) * 100).toFixed(1).padStart(5)} %  ${name}`);
};
print('self', self);
print('total', total);
