import { mount } from 'svelte';
import App from './app.svelte';
import { loadAppConfig } from './lib/config/app-config.ts';
import './app.css';

const target = document.getElementById('app')!;

loadAppConfig()
  .then((config) => mount(App, { target, props: { config } }))
  .catch((error: Error) => {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'boot-error';
    message.textContent = `The app could not start: ${error.message}`;
    target.replaceChildren(message);
  });
