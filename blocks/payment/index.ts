import { registerBlock } from '../shared/editor/register-block';
import metadata from './block.json';
import Edit from './edit';
import './style.scss';

registerBlock( metadata, { edit: Edit } );
