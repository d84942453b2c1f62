/** The events timeline of the bottom dock. */
export { EventsTimeline } from './EventsTimeline';
