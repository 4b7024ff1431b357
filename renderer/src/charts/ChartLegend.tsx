/** One legend entry: a line swatch or a box swatch, coloured by the same class as the mark it stands for. */
export type LegendItem = { key: string; label: string; shape: 'line' | 'box'; className: string };

/**
 * A chart's legend as an HTML list, so it wraps and reads in order. Each swatch is a tiny SVG carrying the mark's own
 * class (stroke, fill and dash are inherited by its child), so legend and chart cannot drift apart in colour.
 */
export function ChartLegend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <svg className={`legend-swatch ${item.className}`} viewBox="0 0 36 18" width="36" height="18" aria-hidden="true">
            {item.shape === 'box' ? <rect x="3" y="3" width="30" height="12" rx="2" /> : <path d="M2,9H34" />}
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
