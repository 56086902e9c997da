import assets from './assets';
import pages from './pages';
import settings from './settings';

export default { assets, pages, settings };
