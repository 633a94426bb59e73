// The shared board, live: poll for notes changed since the last look and put them in place
// without a reload; announce them to screen readers. A note of one's own is sent in the
// background too, so the writer keeps their place and can write the next one. Without this
// module the board still works with plain forms and a reload.
const board = document.querySelector("[data-changes-url]");
const POLL_MS = 2500;

if (board) {
  const live = document.getElementById("board-live");
  const votesLeft = document.getElementById("votes-left");
  const versions = new Map();
  let cursor = board.dataset.cursor;
  for (const item of board.querySelectorAll("li.note")) {
    versions.set(item.id, item.dataset.version);
  }

  const announce = (messages) => {
    if (!live || messages.length === 0) return;
    live.textContent = messages.join(". ");
  };

  const place = (note) => {
    const id = `note-${note.id}`;
    if (versions.get(id) === note.version) return null;
    const list = document.getElementById(`column-${note.column}-notes`);
    if (!list) return null;
    const existing = document.getElementById(id);
    // Never pull a form away from someone who is typing or pressing a button in it.
    if (existing && existing.contains(document.activeElement)) return null;
    const template = document.createElement("template");
    template.innerHTML = note.html.trim();
    const fresh = template.content.firstElementChild;
    if (existing && existing.parentElement === list) {
      existing.replaceWith(fresh);
    } else {
      if (existing) existing.remove();
      list.append(fresh);
    }
    const known = versions.has(id);
    versions.set(id, note.version);
    const message = known ? board.dataset.msgChanged : board.dataset.msgNew;
    return `${message} ${note.column_title}: ${note.text}`;
  };

  const refresh = async () => {
    try {
      const url = new URL(board.dataset.changesUrl, window.location.href);
      url.searchParams.set("since", cursor);
      const response = await fetch(url, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.ok) {
        const data = await response.json();
        cursor = data.cursor;
        const messages = data.notes.map(place).filter(Boolean);
        announce(messages);
        if (votesLeft) votesLeft.textContent = String(data.votes_left);
      }
    } catch {
      // Offline for a moment: try again on the next round.
    }
  };

  const poll = async () => {
    await refresh();
    window.setTimeout(poll, POLL_MS);
  };

  // The server answers a stored note with a redirect back to the board; anything else (field
  // errors, a lost session) is left to the plain form, which shows it on a whole page.
  const noteForm = document.querySelector("form.add-note");
  if (noteForm) {
    noteForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = noteForm.querySelector("textarea");
      try {
        const response = await fetch(noteForm.action, {
          method: "POST",
          body: new FormData(noteForm),
          credentials: "same-origin",
        });
        if (!response.redirected || !response.ok) throw new Error("not stored");
      } catch {
        noteForm.submit();
        return;
      }
      if (text) {
        text.value = "";
        text.focus();
      }
      const status = document.getElementById("note-status");
      if (status) {
        status.textContent = board.dataset.msgAdded;
        status.hidden = false;
      }
      await refresh();
    });
  }

  window.setTimeout(poll, POLL_MS);
}
