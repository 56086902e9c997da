import assets from './assets';
import settings from './settings';

export default { assets, settings };
