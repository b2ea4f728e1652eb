/** An operator's status (STATUS_NAMES, which filters and sorts compare) as the shown language says it. */
import * as m from '../../lib/i18n/messages.ts';
import type { STATUS_NAMES } from '../../lib/staking/operator-rows.ts';

const LABELS: Record<(typeof STATUS_NAMES)[number], () => string> = {
  Unregistered: m.staking_status_label_unregistered,
  Active: m.staking_status_label_active,
  Deactivated: m.staking_status_label_deactivated,
};

export const statusLabel = (status: string): string => LABELS[status as keyof typeof LABELS]?.() ?? status;
