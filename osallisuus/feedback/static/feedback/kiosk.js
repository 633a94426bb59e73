// The feedback kiosk: answers go into a queue in localStorage and are sent to the kiosk API.
// If the network is down they wait and are sent when it comes back (online event and a
// periodic retry). Each answer carries its own idempotency key, so a resend never counts twice.
import { newKey, storedQueue } from "../js/offline_queue.js";

const root = document.getElementById("kiosk");

const RETRY_MS = 5000;
const MASHING_WINDOW_MS = 5000;
const MASHING_MAX_ANSWERS = 3;

// This kiosk's own id, kept across reloads: bursts of presses are judged per kiosk device.
function deviceId() {
  const key = "osallisuus-kiosk-device";
  let id = window.localStorage.getItem(key);
  if (!id) {
    id = newKey();
    window.localStorage.setItem(key, id);
  }
  return id;
}

function start(root) {
  const cfg = root.dataset;
  const queueKey = `osallisuus-kiosk-queue:${cfg.unit}`;
  const device = deviceId();
  const screens = {
    start: document.getElementById("kiosk-start"),
    followup: document.getElementById("kiosk-followup"),
    thanks: document.getElementById("kiosk-thanks"),
  };
  const facesForm = document.getElementById("kiosk-faces");
  const followupForm = document.getElementById("kiosk-followup-form");
  const textArea = followupForm.querySelector("textarea");
  const statusLine = document.getElementById("kiosk-queue");
  const presses = [];
  let current = null;
  let timer = null;
  let sending = false;
  let sentAny = false;

  const { load, save, update, remove } = storedQueue(queueKey);

  function showStatus() {
    const waiting = load().filter((item) => item.ready).length;
    if (waiting > 0) {
      statusLine.textContent = cfg.msgWaiting.replace("{n}", String(waiting));
    } else if (sentAny) {
      statusLine.textContent = cfg.msgSent;
    }
  }

  async function flush() {
    if (sending) return;
    sending = true;
    // Answers left unfinished (a reload, another screen) are sent as they are.
    const open = current ? current.idempotency_key : null;
    save(load().map((item) => (item.ready || item.idempotency_key === open ? item : { ...item, ready: true })));
    try {
      for (const item of load().filter((entry) => entry.ready)) {
        const { ready, ...body } = item;
        let response;
        try {
          response = await fetch(cfg.api, {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify(body),
            credentials: "omit",
          });
        } catch {
          break; // Offline: keep the queue and try again later.
        }
        if (response.ok) {
          remove(item.idempotency_key);
          sentAny = true;
        } else if (response.status === 400) {
          remove(item.idempotency_key); // Never valid (e.g. the unit closed): drop it.
        } else {
          break; // Throttled or a server error: try again later.
        }
      }
    } finally {
      sending = false;
      showStatus();
    }
  }

  function show(name) {
    for (const [key, screen] of Object.entries(screens)) screen.hidden = key !== name;
    const heading = screens[name].querySelector("h1, h2");
    if (heading) heading.focus();
  }

  function restartTimer(seconds, done) {
    window.clearTimeout(timer);
    timer = window.setTimeout(done, seconds * 1000);
  }

  function finish(text) {
    if (!current) return;
    const change = { ready: true };
    if (text) {
      change.text = text;
      if (cfg.followupKey) {
        change.answers = [...current.answers, { question: cfg.followupKey, value: text }];
      }
    }
    update(current.idempotency_key, change);
    current = null;
    showStatus();
    flush();
  }

  function reset() {
    window.clearTimeout(timer);
    finish("");
    followupForm.reset();
    show("start");
  }

  facesForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const score = Number(event.submitter && event.submitter.value);
    if (!(score >= 1 && score <= 5)) return;
    finish(""); // A face pressed while another answer waits: that one is done.
    const now = Date.now();
    presses.push(now);
    while (presses.length && now - presses[0] > MASHING_WINDOW_MS) presses.shift();
    current = {
      idempotency_key: `kiosk:${newKey()}`,
      unit_code: cfg.unit,
      channel: "kiosk",
      language: cfg.language,
      answers: [{ question: cfg.scaleKey, value: score }],
      text: "",
      answered_at: new Date(now).toISOString(),
      mashing_hint: presses.length > MASHING_MAX_ANSWERS,
      device,
      ready: false,
    };
    save([...load(), current]);
    followupForm.reset();
    show("followup");
    restartTimer(Number(cfg.followupPause), reset);
  });

  followupForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const send = event.submitter && event.submitter.value === "send";
    finish(send && textArea ? textArea.value.trim() : "");
    show("thanks");
    restartTimer(Number(cfg.thanksPause), reset);
  });

  // Someone is still typing or touching: do not reset under their fingers.
  for (const type of ["input", "keydown", "pointerdown"]) {
    screens.followup.addEventListener(type, () => restartTimer(Number(cfg.followupPause), reset));
  }
  document.getElementById("kiosk-again").addEventListener("click", reset);

  window.addEventListener("online", flush);
  window.setInterval(flush, RETRY_MS);
  showStatus();
  flush();
}

// Keep this page and its files for offline reloads: the service worker serves the last
// copy when the network is gone. The page caches itself once the worker is ready, because
// the first visit was loaded before any worker existed.
async function keepForOffline(cfg) {
  if (!("serviceWorker" in navigator) || !window.caches || !cfg.serviceWorker) return;
  try {
    await navigator.serviceWorker.register(cfg.serviceWorker);
    await navigator.serviceWorker.ready;
    const files = [
      ...document.querySelectorAll(
        "link[rel~='stylesheet'][href], link[rel~='icon'][href], link[rel~='modulepreload'][href], script[src]",
      ),
    ].map((element) => element.href || element.src);
    const cache = await window.caches.open(cfg.cache);
    await cache.addAll([window.location.href, ...files]);
    root.dataset.offlineReady = "true";
  } catch {
    // No worker (private window, old browser): the kiosk still works while online.
  }
}

if (root) {
  start(root);
  keepForOffline(root.dataset);
}
