import { useEffect, useRef, useState } from 'react';
import type { PlotBox } from './layout/time-layout';

/** A line to paint: an SVG path string in viewBox units, the CSS custom property holding its colour, its width in viewBox px. */
export type CanvasLine = { key: string; path: string; colorVar: string; widthPx: number };

type Props = { width: number; height: number; plot: PlotBox; lines: readonly CanvasLine[] };

/**
 * Paints lines too long for SVG on a canvas laid under the chart's SVG (axes, bands and labels stay in the SVG). The
 * bitmap follows the element's on-screen width times the device pixel ratio, so it stays sharp on a projector or a
 * HiDPI laptop; colours are read from the same custom properties the SVG classes use.
 */
export function LineCanvas({ width, height, plot, lines }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [pixelWidth, setPixelWidth] = useState(width);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const cssWidth = entry?.contentRect.width ?? 0;
      if (cssWidth > 0) setPixelWidth(Math.round(cssWidth * (window.devicePixelRatio || 1)));
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  const scale = pixelWidth / width;
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.left, plot.top, plot.right - plot.left, plot.bottom - plot.top);
    ctx.clip();
    const style = getComputedStyle(canvas);
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const l of lines) {
      if (!l.path) continue;
      ctx.strokeStyle = style.getPropertyValue(l.colorVar).trim() || '#111827';
      ctx.lineWidth = l.widthPx;
      ctx.stroke(new Path2D(l.path));
    }
    ctx.restore();
  }, [lines, plot, scale]);

  return (
    <canvas ref={ref} className="time-chart-canvas" width={pixelWidth} height={Math.round(height * scale)} aria-hidden="true" data-testid="chart-canvas" />
  );
}
