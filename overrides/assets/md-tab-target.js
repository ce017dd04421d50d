/* Copied from Material for MkDocs 9.8.2 partials/javascripts/content.html: its inline script, moved into a file so that
   script-src 'self' holds. Unchanged. */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
