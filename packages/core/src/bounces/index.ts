export * from './record-bounces.usecase';
export * from './poll-bounce-mailbox.usecase';
