import { useId, type ReactNode } from 'react';
import './PanelCard.css';

interface PanelCardProps {
  title: string;
  /** Beside the heading: a count, a warning, a button. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}

/** One section of the moderator panel: a titled card. */
export function PanelCard({ title, actions, children, className, ...rest }: PanelCardProps) {
  const headingId = useId();
  return (
    <section
      className={`panel-card${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      data-testid={rest['data-testid']}
    >
      <div className="panel-card__bar">
        <h3 id={headingId} className="panel-card__title">
          {title}
        </h3>
        {actions}
      </div>
      {children}
    </section>
  );
}
