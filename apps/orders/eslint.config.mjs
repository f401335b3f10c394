import baseConfig from '../../eslint.config.mjs';
import domainLayout from '../../tools/lint/domain-layout.mjs';

export default [...baseConfig, ...domainLayout];
