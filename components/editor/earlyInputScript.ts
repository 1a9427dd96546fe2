import type { EarlyEdit } from './earlyInput';

/**
 * Typing into the served text, before the editor is ready. The page's scripts can take a second
 * or more to load, and the writer may already be typing: an inline script ({@link earlyInputScript})
 * takes every keystroke in the served text (it is `contentEditable`), shows it there, and records
 * it as an {@link EarlyEdit}; the editor takes the edits when it is ready ({@link takeEarlyEdits}).
 */

/** Where the inline script leaves its recorder. */
const REGISTRY = '__quireEarlyInput';

interface EarlyInputRecorder {
  /** The section typed in (the served text's `data-section-id`); null until something is typed. */
  sectionId: string | null;
  edits: EarlyEdit[];
  /** Stops taking keystrokes. */
  stop(): void;
}

function recorder(): EarlyInputRecorder | undefined {
  return typeof window === 'undefined' ? undefined : (window as unknown as Record<string, EarlyInputRecorder | undefined>)[REGISTRY];
}

/**
 * The edits typed into section `sectionId`'s served text, once: the recorder stops, since the
 * editor now takes the typing. Edits typed into another section's text stay for its editor.
 */
export function takeEarlyEdits(sectionId: string): EarlyEdit[] {
  const early = recorder();
  if (!early || (early.edits.length > 0 && early.sectionId !== sectionId)) return [];
  early.stop();
  delete (window as unknown as Record<string, unknown>)[REGISTRY];
  return early.edits;
}

/**
 * The inline script's source. Every `beforeinput` in an element marked `data-early-input` is
 * prevented and done by hand instead, so the served text only ever changes in ways the recorder
 * knows and can replay: text and pasted text go in at the caret, Enter splits a paragraph (and
 * only a paragraph: elsewhere the editor gives Enter other meanings), Backspace removes what was
 * typed here (never served text) and undoes such an Enter. Anything else (formatting, undo,
 * dropping, cutting) does nothing. Textblocks are the elements marked `data-block`, named by
 * their node type; a line break (`<br>`) counts as one character, as in ProseMirror.
 */
export function earlyInputScript(): string {
  return `(function(){try{
var edits=[],typed=null,early=window.${REGISTRY}={sectionId:null,edits:edits,stop:function(){
  document.removeEventListener('beforeinput',onInput,true);document.removeEventListener('compositionend',onComposed,true);}};
function blocks(root){return root.querySelectorAll('[data-block]');}
function lengthTo(block,node,offset){var r=document.createRange();r.setStart(block,0);r.setEnd(node,offset);
  var f=r.cloneContents();return f.textContent.length+f.querySelectorAll('br').length;}
function pointAt(block,offset){
  var walk=document.createTreeWalker(block,NodeFilter.SHOW_TEXT|NodeFilter.SHOW_ELEMENT),node;
  while((node=walk.nextNode())){
    if(node.nodeType===3){if(offset<=node.data.length)return[node,offset];offset-=node.data.length;}
    else if(node.nodeName==='BR'){if(offset===0)return[node.parentNode,[].indexOf.call(node.parentNode.childNodes,node)];offset-=1;}
  }
  return[block,block.childNodes.length];}
function range(block,from,to){var a=pointAt(block,from),b=pointAt(block,to),r=document.createRange();r.setStart(a[0],a[1]);r.setEnd(b[0],b[1]);return r;}
/* Which characters of each textblock were typed here: Backspace may remove only those. */
function flags(list,i){
  if(!typed){typed=[];for(var k=0;k<list.length;k++)typed.push(null);}
  if(!typed[i]){typed[i]=[];for(var n=lengthTo(list[i],list[i],list[i].childNodes.length);n>0;n--)typed[i].push(false);}
  return typed[i];}
function caretIn(root){
  var list=blocks(root),s=getSelection(),block=null,offset=0;if(!list.length)return null;
  if(s&&s.focusNode&&root.contains(s.focusNode)){
    var el=s.focusNode.nodeType===1?s.focusNode:s.focusNode.parentElement;block=el.closest('[data-block]');
    if(block&&root.contains(block))offset=lengthTo(block,s.focusNode,s.focusOffset);else block=null;}
  /* No textblock at the caret (between blocks, on a scene break): the end of the section. */
  if(!block){block=list[list.length-1];offset=lengthTo(block,block,block.childNodes.length);}
  early.sectionId=root.getAttribute('data-section-id');
  return{root:root,i:[].indexOf.call(list,block),offset:offset};}
function insert(c,text){
  if(!text)return;var list=blocks(c.root),p=pointAt(list[c.i],c.offset),f=flags(list,c.i);
  if(p[0].nodeType===3)p[0].insertData(p[1],text);else p[0].insertBefore(document.createTextNode(text),p[0].childNodes[p[1]]||null);
  for(var k=0;k<text.length;k++)f.splice(c.offset+k,0,true);
  edits.push({type:'insert',block:c.i,offset:c.offset,text:text});c.offset+=text.length;}
function split(c){
  var list=blocks(c.root),block=list[c.i],f=flags(list,c.i),r=range(block,c.offset,c.offset);
  r.setEnd(block,block.childNodes.length);
  var next=document.createElement('p');next.setAttribute('data-block','paragraph');next.appendChild(r.extractContents());block.after(next);
  var tail=f.splice(c.offset);tail.splitHere=true;typed.splice(c.i+1,0,tail);
  edits.push({type:'split',block:c.i,offset:c.offset});c.i+=1;c.offset=0;}
function backspace(c){
  var list=blocks(c.root),block=list[c.i],f=flags(list,c.i);
  if(c.offset>0){
    if(!f[c.offset-1])return;
    var n=c.offset>1&&f[c.offset-2]&&/^[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]$/.test(range(block,c.offset-2,c.offset).toString())?2:1;
    range(block,c.offset-n,c.offset).deleteContents();f.splice(c.offset-n,n);
    edits.push({type:'delete',block:c.i,offset:c.offset,length:n});c.offset-=n;
  }else if(f.splitHere&&c.i>0&&list[c.i-1].getAttribute('data-block')==='paragraph'){
    var prev=list[c.i-1],g=flags(list,c.i-1),at=g.length;
    while(block.firstChild)prev.appendChild(block.firstChild);block.remove();
    for(var k=0;k<f.length;k++)g.push(f[k]);typed.splice(c.i,1);
    edits.push({type:'join',block:c.i});c.i-=1;c.offset=at;}}
function onInput(e){
  var root=e.target&&e.target.closest&&e.target.closest('[data-early-input]');if(!root)return;
  e.preventDefault();
  var c=caretIn(root);if(!c)return;
  var t=e.inputType,paragraph=function(){return blocks(root)[c.i].getAttribute('data-block')==='paragraph';};
  if(t==='insertText'||t==='insertFromPaste'){
    var lines=(t==='insertText'?e.data:e.dataTransfer&&e.dataTransfer.getData('text/plain'))||'';
    lines.split(/\\r\\n|\\r|\\n/).forEach(function(line,k){if(k>0){if(paragraph())split(c);else insert(c,' ');}insert(c,line);});
  }else if(t==='insertParagraph'){if(paragraph())split(c);}
  else if(t==='deleteContentBackward')backspace(c);
  else return;
  var p=pointAt(blocks(root)[c.i],c.offset);getSelection().collapse(p[0],p[1]);}
/* A composition (accented letters, other scripts) cannot be prevented: its text is in already. */
function onComposed(e){
  var root=e.target&&e.target.closest&&e.target.closest('[data-early-input]');if(!root||!e.data)return;
  var c=caretIn(root);if(!c)return;var list=blocks(root),f=flags(list,c.i);
  c.offset=Math.max(0,c.offset-e.data.length);for(var k=0;k<e.data.length;k++)f.splice(c.offset+k,0,true);
  edits.push({type:'insert',block:c.i,offset:c.offset,text:e.data});}
document.addEventListener('beforeinput',onInput,true);document.addEventListener('compositionend',onComposed,true);
}catch(e){}})();`;
}
