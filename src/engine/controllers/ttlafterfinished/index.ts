/**
 * The TTL-after-finished controller, which deletes finished Jobs once their ttlSecondsAfterFinished has passed.
 */
export { startTTLAfterFinishedController, needsCleanup, ttlTimeLeftMs } from './ttlafterfinished-controller';
