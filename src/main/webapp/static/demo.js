// The demo app's page: counts the access token's remaining life down, second by second. Without this
// script the page still shows the seconds left when it was made.
(function () {
    'use strict';

    var life = document.getElementById('token-life');
    if (!life) {
        return;
    }
    var seconds = life.querySelector('.seconds');
    // Both instants come from the server's clock, so a browser clock that is off does not matter.
    var left = Number(life.getAttribute('data-expires-at')) - Number(life.getAttribute('data-server-now'));
    var loaded = Date.now();

    function tick() {
        var remaining = Math.max(0, Math.ceil((left - (Date.now() - loaded)) / 1000));
        seconds.textContent = String(remaining);
        if (remaining === 0) {
            life.classList.add('expired');
            window.clearInterval(timer);
        }
    }

    var timer = window.setInterval(tick, 1000);
    tick();
}());
