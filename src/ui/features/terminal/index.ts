/** The terminal: kubectl with history, completion and heredocs, in the bottom dock. */
export { TerminalPanel } from './TerminalPanel';
export { currentTerminal, whenTerminal, setInitialHistory, type TerminalHandle } from './terminal-registry';
