/** graphql-js gives up coercing variables after 50 bad values with an error that has no code: it is still the client's input (BAD_USER_INPUT). */
export const tooManyVariableErrors = /^Too many errors processing variables/;
