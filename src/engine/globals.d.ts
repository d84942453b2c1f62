// The engine compiles against ES2022 only (no DOM, no Node). structuredClone exists in every host it runs in
// (browsers, workers, Node >= 17), but lives in the DOM/Node libs, so it is declared here.
declare function structuredClone<T>(value: T): T;
