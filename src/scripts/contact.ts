/** The contact page's script: the form that suggests articles first (src/contact/contact-form.ts). */
import { attachContactForm } from '../contact/contact-form.ts';

const form = document.querySelector<HTMLFormElement>('[data-contact-form]');
if (form) attachContactForm(form);
