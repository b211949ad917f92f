/** The engine's clock, a provider so tests can move time (the schedule rules are tested with it). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
