import { useEffect, useRef, useState } from 'react';
import { useNavigation } from 'react-router';

/**
 * A key for the page's forms that changes once a change went through (the redirect back leaves no action data):
 * keyed by it, the forms are drawn afresh with the values just read rather than what was typed, so a reason typed
 * for one change is not sent again with the next. A refused change keeps what was typed. (Not `form.reset()`: a
 * select React drew from `defaultValue` would go back to its first option.) Without JavaScript the redirect loads
 * a fresh page, which does the same. Each form takes its own key made from it (`form-1-${key}`): siblings need
 * distinct keys.
 */
export function useFormsKey(refused: boolean): number {
  const state = useNavigation().state;
  const previous = useRef(state);
  const [key, setKey] = useState(0);
  useEffect(() => {
    if (previous.current !== 'idle' && state === 'idle' && !refused) setKey((k) => k + 1);
    previous.current = state;
  }, [state, refused]);
  return key;
}
