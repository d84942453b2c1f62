/**
 * The frame of a side panel: a header with the title and a collapse button, and a body the feature fills. A
 * collapsed panel becomes a narrow rail that expands it again.
 */
import type { ReactNode } from 'react';
import { Icon } from './Icon';

export interface PanelFrameProps {
  id: string;
  title: string;
  collapsed: boolean;
  onToggle(): void;
  /** Which side the panel sits on (picks the chevrons). */
  side: 'left' | 'right';
  collapseLabel: string;
  expandLabel: string;
  /** Extra header content (right of the title). */
  actions?: ReactNode;
  children: ReactNode;
  style?: React.CSSProperties;
}

export function PanelFrame({ id, title, collapsed, onToggle, side, collapseLabel, expandLabel, actions, children, style }: PanelFrameProps) {
  if (collapsed) {
    return (
      <div className={`panel-rail panel-rail-${side}`} id={id}>
        <button type="button" className="rail-button" onClick={onToggle} aria-label={expandLabel} title={expandLabel} aria-expanded={false} aria-controls={id}>
          <Icon name={side === 'left' ? 'chevronRight' : 'chevronLeft'} size={16} />
          <span className="rail-title">{title}</span>
        </button>
      </div>
    );
  }
  return (
    <section className="panel" id={id} aria-label={title} style={style}>
      <header className="panel-header">
        <h2 className="panel-title">{title}</h2>
        <div className="panel-actions">{actions}</div>
        <button type="button" className="icon-button" onClick={onToggle} aria-label={collapseLabel} title={collapseLabel} aria-expanded={true} aria-controls={id}>
          <Icon name={side === 'left' ? 'chevronLeft' : 'chevronRight'} size={16} />
        </button>
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
