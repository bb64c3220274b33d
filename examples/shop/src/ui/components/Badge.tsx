import { Icon } from './Icon';

export interface BadgeProps {
  label: string;
  tone?: 'neutral' | 'warning';
}

export function Badge({ label, tone = 'neutral' }: BadgeProps) {
  return (
    <span className={`badge badge-${tone}`}>
      {tone === 'warning' && <Icon name="alert" />}
      {label}
    </span>
  );
}
