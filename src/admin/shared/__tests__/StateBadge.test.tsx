import { screen } from '@testing-library/react';
import type { Translate } from '../i18n';
import { stateBadge } from '../StateBadge';
import { badges } from '../vocabulary';
import { renderInAdmin } from './render';

const { labels, variants } = badges<'open' | 'closed'>('state', {
  open: ['Đang mở', 'warning'],
  closed: ['Đã đóng', 'success'],
});

/** A plugin's translate function that shows which message it was asked for. */
const useT = (): Translate => (id, defaultMessage) => `${id}: ${defaultMessage}`;

const StateBadge = stateBadge(useT, labels, variants);

describe('badges', () => {
  it('gives one message and one colour a state, from one row a state', () => {
    expect(labels).toEqual({
      open: { id: 'state.open', defaultMessage: 'Đang mở' },
      closed: { id: 'state.closed', defaultMessage: 'Đã đóng' },
    });
    expect(variants).toEqual({ open: 'warning', closed: 'success' });
  });
});

describe('stateBadge', () => {
  it('shows the state in the plugin’s words and keeps the raw value', () => {
    renderInAdmin(<StateBadge state="open" testId="state" />);
    const badge = screen.getByTestId('state');
    expect(badge.textContent).toBe('state.open: Đang mở');
    expect(badge.getAttribute('data-state')).toBe('open');
  });

  it('shows an unknown state as it is', () => {
    renderInAdmin(<StateBadge state={'archived' as 'open'} testId="state" />);
    expect(screen.getByTestId('state').textContent).toBe('archived');
  });
});
