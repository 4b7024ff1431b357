import { scaleLinear } from 'd3-scale';
import type { KnobSwing } from '#shared/simulation/sensitivity-types';
import { formatPercent } from './day-axis';
import type { PlotBox } from './time-layout';

/** One knob's bar: from the breach probability at half the knob to the one at one and a half times it. */
export type TornadoBar = {
  knob: string;
  label: string;
  value: string;
  y: number;
  lowX: number;
  highX: number;
  baseX: number;
  lowText: string;
  highText: string;
  /** What the knob is now and how far it swings the probability: "now 10 · swing 9 points". */
  valueText: string;
};

/** The second line of a knob's label. */
function valueLine(k: KnobSwing): string {
  return `${/^\d/.test(k.value) ? 'now ' : ''}${k.value} · swing ${Number((k.swing * 100).toFixed(1))} points`;
}

/** The tornado chart: knobs largest swing first, a vertical line at the scenario's own breach probability. */
export type TornadoLayout = {
  width: number;
  height: number;
  plot: PlotBox;
  rowHeight: number;
  baseX: number;
  ticks: { x: number; label: string }[];
  bars: TornadoBar[];
};

/** Lays out a sensitivity run as a tornado: one row per knob, sorted by how far ±50 % of it moves the breach probability. */
export function layoutTornado(base: number, knobs: readonly KnobSwing[], options: { width?: number; rowHeight?: number } = {}): TornadoLayout {
  const width = options.width ?? 960;
  const rowHeight = options.rowHeight ?? 48;
  const sorted = [...knobs].sort((a, b) => b.swing - a.swing || a.label.localeCompare(b.label));
  // The labels sit left of the plot: as wide as the longest name (17 px bold) or value line (15 px) needs.
  const widest = Math.max(0, ...sorted.map((k) => Math.max(k.label.length * 10, valueLine(k).length * 8.2)));
  const plot = { left: Math.min(width / 2, Math.max(160, widest + 24)), right: width - 130, top: 36, bottom: 36 + Math.max(1, sorted.length) * rowHeight };
  // The axis spans the probabilities the knobs reach, so small swings are not squeezed against one end.
  const values = [base, ...sorted.flatMap((k) => [k.low, k.high])];
  const lo = Math.max(0, Math.min(...values) - 0.05);
  const hi = Math.min(1, Math.max(...values) + 0.05);
  const x = scaleLinear()
    .domain([lo, hi > lo ? hi : lo + 0.01])
    .range([plot.left, plot.right])
    .nice();
  const bars = sorted.map((k, i) => ({
    knob: k.knob,
    label: k.label,
    value: k.value,
    y: plot.top + i * rowHeight,
    lowX: x(k.low),
    highX: x(k.high),
    baseX: x(base),
    lowText: formatPercent(k.low),
    highText: formatPercent(k.high),
    valueText: valueLine(k),
  }));
  const ticks = x.ticks(5).map((v) => ({ x: x(v), label: formatPercent(v) }));
  return { width, height: plot.bottom + 40, plot, rowHeight, baseX: x(base), ticks, bars };
}
