// The Content-Security-Policy nonce of the page being rendered, for Remix's inline
// scripts. Browsers hide it from the DOM, so on the client it is empty.
import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
