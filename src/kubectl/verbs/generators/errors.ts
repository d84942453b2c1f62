/** The failure type of the generators: a message kubectl prints as `error: <message>`. */
export class GeneratorError extends Error {}
