/**
 * What every control-plane component gets: the apiserver (its client), the clock, its own RNG stream and the event
 * recorder. Components never touch storage directly and never read wall-clock time.
 */
import type { ApiServer } from '../apiserver/apiserver';
import type { EventRecorder } from '../apiserver/events';
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';

export interface ComponentContext {
  readonly api: ApiServer;
  readonly clock: Clock;
  /** The cluster's root RNG; fork it with the component's name (`ctx.rng.fork('scheduler')`). */
  readonly rng: Rng;
  readonly events: EventRecorder;
}
