/* Copied from Material for MkDocs 9.8.2 partials/javascripts/base.html: its inline script, moved into a file so that
   script-src 'self' holds. The same code; the scope comes from the data-md-scope of the tag that loads it
   (assets/site.js, which the build joins it into: main.html). */
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
