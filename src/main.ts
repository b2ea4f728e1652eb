import { mount } from 'svelte';
import App from './app.svelte';
import { loadAppConfig } from './lib/config/app-config.ts';
import { messageSectionsOf, preloadPageOf } from './pages.ts';
import { startLocale } from './lib/i18n/locale.svelte.ts';
import { numberFormat } from './lib/format/intl.ts';
import * as m from './lib/i18n/messages.ts';
import { adoptLegacyStorage } from './lib/storage/keys.ts';
import './app.css';

const target = document.getElementById('app')!;
preloadPageOf(location.hash);
// Before anything reads storage: what an earlier version kept under its own keys moves to this one's.
adoptLegacyStorage();

// The language's messages for the shell and the page the link opens come in beside config.json.
const messages = startLocale(messageSectionsOf(location.hash.replace(/^#/, '').split('?')[0] || '/'));

// A language file that stalls does not hold the page: after 2.5 s it is drawn in English, and in the
// language when the file arrives.
const messagesOrLate = Promise.race([messages, new Promise((resolve) => setTimeout(resolve, 2_500))]);

Promise.all([loadAppConfig(), messagesOrLate])
  .then(([config]) => config)
  // index.html preloads config.json, so it is often in before this module has finished running: the
  // app is drawn in a task of its own rather than at the end of the long one that ran its code.
  .then((config) => new Promise<typeof config>((resolve) => setTimeout(() => resolve(config), 0)))
  .then((config) => {
    mount(App, { target, props: { config } });
    // The first number format builds the locale's data (about 15 ms, 60 on a phone): done while the
    // page waits for the chain, not in the task that draws the answer.
    setTimeout(() => numberFormat().format(1), 0);
  })
  .catch((error: Error) => {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'boot-error';
    message.textContent = m.errors_main_start_failed({ error: error.message });
    target.replaceChildren(message);
  });
