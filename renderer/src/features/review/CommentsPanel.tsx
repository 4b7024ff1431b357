import { useState } from 'react';
import { utcText } from '#shared/domain/utc-text';
import { useApp } from '../../store/context';

type Props = { serviceId: number; version: number; readOnly: boolean };

/** The comments on the shown version, oldest first, and a form to add one. */
export function CommentsPanel({ serviceId, version, readOnly }: Props) {
  const comments = useApp((s) => s.reviewComments);
  const reviewEdit = useApp((s) => s.reviewEdit);
  const [author, setAuthor] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const sent = text;
    const result = await reviewEdit('comment/add', { serviceId, version, author, text: sent });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setText((current) => (current === sent ? '' : current));
  };
  return (
    <section className="card review-comments" aria-labelledby="review-comments-title" data-testid="review-comments">
      <h2 id="review-comments-title">Comments on version {version}</h2>
      {comments.length === 0 ? (
        <p className="muted">No comment yet.</p>
      ) : (
        <ol className="review-comment-list">
          {comments.map((c) => (
            <li key={c.id} data-testid="review-comment">
              <div className="small muted">
                {c.author}, {utcText(c.createdMs, 'minute')} UTC
              </div>
              <div className="review-comment-text">{c.text}</div>
            </li>
          ))}
        </ol>
      )}
      {readOnly ? null : (
        <form
          className="review-form"
          aria-label={`Comment on version ${version}`}
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <label className="field">
            <span>Your name</span>
            <input value={author} onChange={(e) => setAuthor(e.target.value)} data-testid="comment-author" />
          </label>
          <label className="field field-wide">
            <span>Comment</span>
            <textarea value={text} rows={2} onChange={(e) => setText(e.target.value)} data-testid="comment-text" />
          </label>
          <button type="submit" data-testid="comment-add">
            Add comment
          </button>
          {error ? (
            <p className="field-error" role="alert" data-testid="comment-error">
              {error}
            </p>
          ) : null}
        </form>
      )}
    </section>
  );
}
