/**
 * A draggable, keyboard-operable divider between two panels (WAI-ARIA "window splitter"): drag with the mouse,
 * or focus it and use the arrow keys (Shift for bigger steps), Home and End.
 */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

export interface SplitterProps {
  /** `vertical` divides left from right; `horizontal` divides top from bottom. */
  orientation: 'vertical' | 'horizontal';
  /** Size of the panel this splitter resizes, in pixels. */
  value: number;
  min: number;
  max: number;
  /** +1 when moving right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange(value: number): void;
  label: string;
  /** Id of the panel being resized. */
  controls: string;
}

export function Splitter({ orientation, value, min, max, direction, onChange, label, controls }: SplitterProps) {
  const drag = useRef<{ start: number; value: number } | undefined>(undefined);
  const clamp = (v: number) => Math.round(Math.min(max, Math.max(min, v)));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { start: orientation === 'vertical' ? e.clientX : e.clientY, value };
    document.body.classList.add(orientation === 'vertical' ? 'is-resizing-x' : 'is-resizing-y');
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    const pos = orientation === 'vertical' ? e.clientX : e.clientY;
    onChange(clamp(drag.current.value + direction * (pos - drag.current.start)));
  };
  const end = () => {
    drag.current = undefined;
    document.body.classList.remove('is-resizing-x', 'is-resizing-y');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 64 : 16;
    const grow = orientation === 'vertical' ? { ArrowRight: step, ArrowLeft: -step } : { ArrowDown: step, ArrowUp: -step };
    const delta = grow[e.key as keyof typeof grow];
    if (delta !== undefined) onChange(clamp(value + direction * delta));
    else if (e.key === 'Home') onChange(min);
    else if (e.key === 'End') onChange(max);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className={`splitter splitter-${orientation}`}
      role="separator"
      tabIndex={0}
      aria-orientation={orientation}
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
      onKeyDown={onKeyDown}
    />
  );
}
