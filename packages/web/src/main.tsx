import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import { routeChanged } from "./state/actions/navigation.js";
import { store } from "./state/store.js";
import { parseRoute } from "./lib/route.js";
import "./styles.css";

window.addEventListener("hashchange", () => store.dispatch(routeChanged, parseRoute(location.hash)));

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
