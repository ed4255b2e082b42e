// Progressive enhancement only: every page works without this file.
// A form marked data-busy says that it is working and cannot be sent twice while a large file is checked.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var busy = form.getAttribute("data-busy");
  if (!busy) { return; }
  var button = form.querySelector("button[type=submit]");
  if (button) { button.disabled = true; }
  var note = document.createElement("p");
  note.className = "busy";
  note.setAttribute("role", "status");
  note.textContent = busy;
  form.appendChild(note);
});
