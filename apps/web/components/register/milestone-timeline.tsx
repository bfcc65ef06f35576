import {
  layoutTimeline,
  type MarkerKind,
  type TimelineMilestone,
} from '../../lib/register-timeline';
import styles from './register.module.css';

/** The picture is laid out twice: for wide screens and for phones; CSS shows one of them. */
const VARIANTS = [
  { name: 'wide', width: 720, className: styles.timelineWide },
  { name: 'narrow', width: 360, className: styles.timelineNarrow },
] as const;

/**
 * The milestones as a timeline picture (inline SVG): one row per milestone in time order, the
 * undated ones (the register's "?") at the end as open items, and where today falls. Each state
 * has its own marker shape and a written label, so nothing is told by colour alone; the picture's
 * <title> and <desc> say everything it shows for screen readers.
 */
export function MilestoneTimeline({
  milestones,
  idBase,
  now = new Date(),
}: {
  milestones: readonly TimelineMilestone[];
  /** Unique on the page, for the <title>/<desc> ids. */
  idBase: string;
  now?: Date;
}) {
  return (
    <div className={styles.timeline}>
      {VARIANTS.map((variant) => {
        const layout = layoutTimeline(milestones, { width: variant.width, now });
        const titleId = `${idBase}-${variant.name}-title`;
        const descId = `${idBase}-${variant.name}-desc`;
        return (
          <svg
            key={variant.name}
            className={variant.className}
            role="img"
            aria-labelledby={`${titleId} ${descId}`}
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            width={layout.width}
            height={layout.height}
            preserveAspectRatio="xMinYMin meet"
            xmlns="http://www.w3.org/2000/svg"
          >
            <title id={titleId}>Milestone timeline</title>
            <desc id={descId}>{layout.description}</desc>
            <AxisStretch className={styles.axis} x={layout.axisX} stretch={layout.axis} />
            {layout.openAxis && (
              <AxisStretch className={styles.openAxis} x={layout.axisX} stretch={layout.openAxis} />
            )}
            <g className={styles.today}>
              <path
                d={`M ${layout.axisX - 7} ${layout.today.y} l 7 -7 l 7 7 l -7 7 z`}
                className={styles.todayMark}
              />
              <text x={layout.textX} y={layout.today.y + 4}>
                {layout.today.label}
              </text>
            </g>
            {layout.rows.map((row) => (
              <g key={row.id} className={styles[`row-${row.kind}`]}>
                <Marker kind={row.kind} x={layout.axisX} y={row.markerY} r={layout.markerRadius} />
                <text className={styles.timeframe} x={layout.textX} y={row.timeframe.y}>
                  {row.timeframe.text}
                </text>
                <text className={styles.deliverable} x={layout.textX}>
                  {row.lines.map((line) => (
                    <tspan key={line.y} x={layout.textX} y={line.y}>
                      {line.text}
                    </tspan>
                  ))}
                </text>
                <text
                  className={`${styles.status} ${row.late ? styles.late : ''}`}
                  x={layout.textX}
                  y={row.status.y}
                >
                  {row.status.text}
                </text>
              </g>
            ))}
          </svg>
        );
      })}
    </div>
  );
}

/** A stretch of the vertical axis: the solid one, or the dashed one down to the open items. */
function AxisStretch({
  className,
  x,
  stretch,
}: {
  className: string | undefined;
  x: number;
  stretch: { y1: number; y2: number };
}) {
  return <line className={className} x1={x} x2={x} y1={stretch.y1} y2={stretch.y2} />;
}

/** Done: a filled disc with a tick; planned: a ring; dropped: a ring with a cross; open: a dashed ring with "?". */
function Marker({ kind, x, y, r }: { kind: MarkerKind; x: number; y: number; r: number }) {
  switch (kind) {
    case 'done':
      return (
        <g className={styles.markerDone}>
          <circle cx={x} cy={y} r={r} />
          <path d={`M ${x - 5} ${y} l 3.5 3.5 l 6.5 -7`} className={styles.tick} />
        </g>
      );
    case 'planned':
      return <circle className={styles.markerPlanned} cx={x} cy={y} r={r - 1} />;
    case 'dropped':
      return (
        <g className={styles.markerDropped}>
          <circle cx={x} cy={y} r={r - 1} />
          <path d={`M ${x - 4.5} ${y - 4.5} l 9 9 M ${x + 4.5} ${y - 4.5} l -9 9`} />
        </g>
      );
    case 'open':
      return (
        <g className={styles.markerOpen}>
          <circle cx={x} cy={y} r={r - 1} />
          <text x={x} y={y + 4.5} textAnchor="middle">
            ?
          </text>
        </g>
      );
  }
}
