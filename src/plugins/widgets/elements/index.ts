/** Every citizen widget, defined once on import: docs/WIDGETS.md is the website team's guide. */
import './widgets/procedure-search';
import './widgets/procedure';
import './widgets/feedback-form';
import './widgets/feedback-status';
import './widgets/answered-feedback';
import './widgets/satisfaction-survey';
import './widgets/satisfaction-summary';
