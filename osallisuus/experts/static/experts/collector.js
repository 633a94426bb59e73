// The collector's phone form (#17 item 3), on top of the plain form that works without it.
// Each entry gets an idempotency key; it is sent to the feedback API at once, and when that
// fails (no network, a server error, an ended session) it waits in localStorage and is sent
// again when the network returns (online event, a periodic retry, the next page load). The
// CSRF token is read from the cookie at send time, so a sign-in in between (which renews it)
// does not stop the queue; a 401/403 keeps the queue and asks the expert to sign in again.
import { newKey, storedQueue } from "../js/offline_queue.js";

const form = document.getElementById("collector-form");

const RETRY_MS = 15000;

function csrfToken() {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  if (cookie) return decodeURIComponent(cookie.slice("csrftoken=".length));
  const field = form.querySelector("input[name=csrfmiddlewaretoken]");
  return field ? field.value : "";
}

function start(form) {
  const cfg = form.dataset;
  const statusLine = document.getElementById("collector-status");
  const waitingBox = document.getElementById("collector-queue");
  const waitingList = document.getElementById("collector-waiting");
  const slip = document.getElementById("collector-slip");
  const slipCode = document.getElementById("collector-code");
  let sending = false;
  let signInNeeded = false;

  const { load, save, remove } = storedQueue(cfg.queue);

  function say(text, link) {
    statusLine.textContent = text;
    if (link) {
      const anchor = document.createElement("a");
      anchor.href = cfg.signInUrl;
      anchor.textContent = cfg.msgSignInLink;
      statusLine.append(" ", anchor);
    }
  }

  // The expert sees their own entries while they wait, and none once they are sent.
  function showQueue() {
    const items = load();
    waitingList.replaceChildren(
      ...items.map((item) => {
        const line = document.createElement("li");
        line.textContent = item.text;
        return line;
      }),
    );
    waitingBox.hidden = items.length === 0;
    return items.length;
  }

  function waitingText(count) {
    return count === 1 ? cfg.msgWaitingOne : cfg.msgWaitingOther.replace("{n}", String(count));
  }

  function showSlip(code) {
    slipCode.textContent = code;
    slip.hidden = false;
  }

  // One entry to the API: "sent" (with the reply code), "refused" (400), "sign-in" or "later".
  async function send(item) {
    let response;
    try {
      response = await fetch(cfg.api, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": csrfToken(),
        },
        body: JSON.stringify(item),
        credentials: "same-origin",
        redirect: "manual",
      });
    } catch {
      return { outcome: "later" };
    }
    if (response.ok) {
      const body = await response.json();
      return { outcome: "sent", code: body.reply_code };
    }
    if (response.status === 400) return { outcome: "refused" };
    if (response.status === 401 || response.status === 403 || response.type === "opaqueredirect") {
      return { outcome: "sign-in" };
    }
    return { outcome: "later" };
  }

  async function flush() {
    if (sending || load().length === 0) return;
    sending = true;
    let sent = 0;
    try {
      for (const item of load()) {
        const result = await send(item);
        if (result.outcome === "sent") {
          remove(item.idempotency_key);
          signInNeeded = false;
          sent += 1;
        } else if (result.outcome === "sign-in") {
          signInNeeded = true;
          break;
        } else if (result.outcome === "refused") {
          continue; // Kept and listed (never lost), and not in the way of the others.
        } else {
          break; // Offline or a server error: kept, and tried again later.
        }
      }
    } finally {
      sending = false;
      const waiting = showQueue();
      if (signInNeeded) say(cfg.msgSignIn, true);
      else if (waiting > 0) say(waitingText(waiting));
      else if (sent > 0) say(cfg.msgSent);
    }
  }

  function problem(field, message) {
    say(message);
    field.focus();
  }

  form.addEventListener("submit", async (event) => {
    const data = new FormData(form);
    const text = String(data.get("text") || "").trim();
    const consent = data.get("consent") === "on";
    const contact = form.querySelector("[name=contact_email]");
    // Anything the server would refuse goes as a plain form post: its errors beside the fields.
    if (!text || !consent || (contact && !contact.checkValidity())) {
      if (navigator.onLine) return;
      event.preventDefault();
      if (!text) problem(form.querySelector("[name=text]"), cfg.msgText);
      else if (!consent) problem(form.querySelector("[name=consent]"), cfg.msgConsent);
      else problem(contact, contact.validationMessage);
      return;
    }
    event.preventDefault();
    const item = {
      idempotency_key: String(data.get("idempotency_key") || "") || newKey(),
      unit_code: cfg.unit,
      channel: "expert",
      language: String(data.get("language") || "fi"),
      text,
      gathering: String(data.get("gathering") || "unit"),
      contact_email: String(data.get("contact_email") || ""),
      contact_phone: String(data.get("contact_phone") || ""),
      oral_consent: true,
    };
    const result = navigator.onLine ? await send(item) : { outcome: "later" };
    if (result.outcome === "refused") {
      form.submit(); // The server's own page says what to fix; the key keeps it one entry.
      return;
    }
    form.reset();
    form.querySelector("[name=idempotency_key]").value = newKey();
    if (result.outcome === "sent") {
      showSlip(result.code);
      say(cfg.msgCode.replace("{code}", result.code));
      flush();
      return;
    }
    save([...load(), item]);
    slip.hidden = true;
    const waiting = showQueue();
    if (result.outcome === "sign-in") {
      signInNeeded = true;
      say(cfg.msgSignIn, true);
    } else {
      say(`${cfg.msgQueued} ${waitingText(waiting)}`);
    }
  });

  window.addEventListener("online", flush);
  window.setInterval(flush, RETRY_MS);
  const waiting = showQueue();
  if (waiting > 0) say(waitingText(waiting));
  flush();
  form.dataset.ready = "true";
}

if (form) start(form);
