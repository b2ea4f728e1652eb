/**
 * The app's sentences, one function per message of the catalogue (`messages/`): `m.common_menu()`,
 * `m.staking_unbonding_left({ time })`. Import as `import * as m from '…/lib/i18n/messages.ts'`.
 */
export * from './generated/messages.ts';
